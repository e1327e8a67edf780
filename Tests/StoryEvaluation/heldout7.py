#!/usr/bin/env python3
"""Builds heldout7.json, the seventh held-out part of Herald's story evaluation set.

Written and committed before the fifth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of August 2026 in near misses on the same actors and places: the foreign minister
in Kuwait, and a Kuwaiti loan for the Zeyzoun dam signed in Damascus two days later; an Israeli
strike on a radar on Tal al-Hara in the Daraa countryside, and a drone strike on a car near Nawa the
next night; cholera in Raqqa (a story no alias of the desk names), and the Tabqa dam cutting its
power output the next day as the Euphrates falls. Places spelled more than one way (Zeyzoun,
Zeizoun; Tal al-Hara, Tell Hara, Tel Hara; Raqqa, Raqa; Deir ez-Zor, Deir al-Zour), a name of three
Arabic letters (نوى, Nawa), headlines that open on their place, a few short flashes, a report that
names no place at all, and four outlets of this part's own. Run it again and it writes the same
file (`python3 heldout7.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["نشرة الساحل", "مرصد الفرات اليومي"]

# Story id -> when its first report appears.
STARTS = {
    "T01": datetime(2026, 8, 3, 9, tzinfo=timezone.utc),      # Shaibani in Kuwait
    "T02": datetime(2026, 8, 5, 11, tzinfo=timezone.utc),     # Kuwaiti loan for the Zeyzoun dam
    "T03": datetime(2026, 8, 4, 23, tzinfo=timezone.utc),     # Israeli strike on the Tal al-Hara radar
    "T04": datetime(2026, 8, 5, 22, 30, tzinfo=timezone.utc),  # drone strike on a car near Nawa
    "T05": datetime(2026, 8, 6, 8, tzinfo=timezone.utc),      # cholera in Raqqa (no desk alias)
    "T06": datetime(2026, 8, 7, 9, tzinfo=timezone.utc),      # Tabqa dam cuts output, power cuts
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # T01: the Syrian foreign minister in Kuwait, looking for money to rebuild.
    ("T01", "en", "Levant Wire", 0, "Shaibani arrives in Kuwait seeking reconstruction money",
     "Syria's foreign minister landed in Kuwait on Monday for two days of meetings with the emir and "
     "the managers of the Kuwait Fund, his ministry said, with power plants and schools at the top of "
     "his list."),
    ("T01", "ar", "نشرة الساحل", 20, "الشيباني يصل إلى الكويت في زيارة رسمية",
     "وصل وزير الخارجية والمغتربين إلى الكويت في زيارة تستمر يومين يلتقي خلالها أمير البلاد "
     "ومسؤولي الصندوق الكويتي للتنمية."),
    ("T01", "en", "Gulf Daily", 150, "Emir receives visiting Syrian minister at Bayan Palace",
     "Sheikh Mishal al-Ahmad received Asaad al-Shaibani and spoke of brotherly ties and of support "
     "for rebuilding, the state news agency reported."),
    ("T01", "ar", "الشرق الأوسط", 170, "أمير الكويت يستقبل وزير الخارجية السوري",
     "استقبل الأمير في قصر بيان الوزير أسعد الشيباني وبحث معه العلاقات الثنائية ودعم جهود "
     "إعادة الإعمار."),
    ("T01", "ar", "المدن", 360, "تعهدات كويتية بتمويل محطتين للكهرباء",
     "قالت مصادر مطلعة إن الجانب الكويتي أبدى استعدادا لتمويل إعادة تأهيل محطتين لتوليد الطاقة، "
     "على أن تعلن التفاصيل لاحقا."),
    ("T01", "en", "Amman Post", 400, "Analysis: Gulf cash will come with auditors attached",
     "Kuwait has been slower than Riyadh or Doha to open its purse, and officials there want outside "
     "audits of any project they pay for, diplomats in the region say."),

    # T02: two days later, the Kuwait Fund signs a loan to rebuild the Zeyzoun dam.
    ("T02", "en", "Northern Agency", 0, "Kuwait Fund signs $120m loan to rebuild Zeyzoun dam",
     "The Kuwait Fund for Arab Economic Development signed an agreement in Damascus on Wednesday to "
     "rebuild the Zeyzoun dam, whose collapse in 2002 flooded villages across the Ghab plain."),
    ("T02", "ar", "سانا", 25, "توقيع اتفاقية قرض كويتي لإعادة بناء سد زيزون",
     "وقعت وزارة الموارد المائية والصندوق الكويتي للتنمية الاقتصادية العربية اتفاقية بقيمة 120 "
     "مليون دولار لإعادة بناء السد في سهل الغاب."),
    ("T02", "ar", "مرصد الفرات اليومي", 50, "عاجل | 120 مليون دولار لسد زيزون",
     "قرض كويتي لإعادة بناء السد المنهار."),
    ("T02", "en", "Syria Direct Desk", 180, "Ghab farmers hope a new dam ends the dry summers",
     "In villages below the old Zeizoun reservoir, growers said they had sown only a third of their "
     "land since the dam gave way, and that their wells were now running low."),
    ("T02", "ar", "عنب بلدي", 210, "فلاحو الغاب: السد قد يعيد إلينا أرضنا",
     "يزرع الفلاحون ثلث أراضيهم فقط منذ انهيار السد قبل أكثر من عشرين عاما، ويعتمدون على آبار "
     "بدأت تجف."),
    ("T02", "en", "Beirut Observer", 290, "Flash: Damascus, Kuwait sign dam loan",
     "A Kuwaiti loan for the Zeyzoun dam was signed, officials said."),

    # T03: an Israeli strike on a radar on Tal al-Hara, north-west of Daraa.
    ("T03", "en", "Damascus Today", 0, "Blasts light up hill north-west of Daraa",
     "Villagers near Tal al-Hara said several explosions shook the hill late on Tuesday, where the army "
     "has long kept a radar station."),
    ("T03", "ar", "تلفزيون سوريا", 10, "دوي انفجارات في محيط تل الحارة بريف درعا",
     "سمع دوي عدة انفجارات قرب تل الحارة في ريف درعا الشمالي الغربي قرابة منتصف الليل."),
    ("T03", "en", "Middle East Monitor Desk", 60, "Israel says it hit a radar in southern Syria",
     "The Israeli military said its aircraft struck a radar and a weapons store on Tell Hara, which it "
     "said threatened Israeli jets flying over the Golan."),
    ("T03", "ar", "الجزيرة نت", 75, "الجيش الإسرائيلي يعلن قصف رادار في تل الحارة",
     "قال متحدث عسكري إن الطائرات استهدفت رادارا ومستودع أسلحة على التل، معتبرا أنه يهدد "
     "الطيران الإسرائيلي."),
    ("T03", "en", "Anatolia News English", 540, "Two soldiers hurt in raid on Tel Hara, army says",
     "A military statement on Wednesday morning said the attack damaged equipment on the hill and "
     "wounded two soldiers, and called it a breach of the 1974 disengagement accord."),
    ("T03", "ar", "الوطن", 560, "إصابة عسكريين اثنين في العدوان على تل الحارة",
     "أفاد مصدر عسكري بإصابة اثنين من العسكريين وأضرار في معدات الموقع، مؤكدا أن الدفاعات "
     "الجوية تصدت للهجوم."),

    # T04: the next night, an Israeli drone strike on a car near Nawa, west of Daraa.
    ("T04", "en", "Gulf Daily", 0, "Drone hits car on Nawa road, two dead",
     "An Israeli drone struck a car on the road between Nawa and Sheikh Saad in western Daraa on "
     "Wednesday night, local activists said, a day after the raid on Tal al-Hara."),
    ("T04", "ar", "تسنيم", 20, "مسيرة إسرائيلية تستهدف سيارة قرب نوى",
     "قتل شخصان بغارة لطائرة مسيرة استهدفت سيارة مدنية على طريق نوى الشيخ سعد غرب درعا."),
    ("T04", "en", "Damascus Today", 45, "Flash: two killed in strike near Nawa",
     "A car was hit outside Nawa late on Wednesday; two people died."),
    ("T04", "ar", "نشرة الساحل", 60, "عاجل | قتيلان بقصف سيارة في ريف درعا الغربي",
     "قتيلان في استهداف سيارة بريف درعا."),
    ("T04", "en", "Middle East Monitor Desk", 90, "Israeli army says it targeted weapons smugglers",
     "The military said the vehicle carried men moving arms toward the frontier and that it acted to "
     "remove a threat."),
    ("T04", "en", "Tehran Times English", 420, "Brothers killed in Nawa strike were farmers, family says",
     "Relatives said the two men were driving home from their fields and had no tie to any armed group, "
     "rejecting the Israeli account."),
    ("T04", "ar", "تلفزيون سوريا", 440, "ذوو قتيلي نوى: كانا عائدين من أرضهما",
     "نفى أقارب الشقيقين أي صلة لهما بمجموعات مسلحة، وقالوا إنهما كانا عائدين من الحقل."),

    # T05: cholera in Raqqa; no report names an alias of the desk.
    ("T05", "en", "Northern Agency", 0, "Cholera cases climb in Raqqa as river water goes untreated",
     "Health officials in Raqqa recorded 46 suspected cholera cases in a week, most in villages that "
     "drink straight from the river, the local health committee said."),
    ("T05", "ar", "مرصد الفرات اليومي", 30, "تسجيل 46 إصابة مشتبهة بالكوليرا في الرقة",
     "أعلنت لجنة الصحة في الرقة تسجيل 46 إصابة مشتبهة خلال أسبوع، معظمها في قرى تشرب من مياه "
     "النهر مباشرة."),
    ("T05", "en", "Amman Post", 200, "Raqa hospital runs short of drips as outbreak spreads",
     "Doctors at the national hospital said its wards were full and that they had asked aid groups for "
     "rehydration salts and intravenous fluids."),
    ("T05", "ar", "عنب بلدي", 240, "نقص في المحاليل الوريدية بمشفى الرقة الوطني",
     "قال أطباء إن أقسام المشفى امتلأت بالمصابين وإنهم طلبوا من المنظمات تزويدهم بالمحاليل "
     "وأملاح الإماهة."),
    ("T05", "en", "Beirut Observer", 330, "WHO flies chlorine and test kits to Raqqa",
     "The World Health Organization said a shipment of chlorine tablets and rapid tests had reached the "
     "city, and urged families to boil their water."),

    # T06: the next day, the Tabqa dam stops turbines as the Euphrates falls; power cuts downstream.
    ("T06", "en", "Levant Wire", 0, "Tabqa dam cuts power output as Euphrates falls",
     "Operators at Syria's largest dam said three of its eight turbines had been stopped because the "
     "river was at its lowest summer level in a decade, leaving Raqqa and Deir ez-Zor with four hours "
     "of power a day."),
    ("T06", "ar", "نشرة الساحل", 25, "توقف ثلاث عنفات في سد الطبقة مع انخفاض منسوب الفرات",
     "أوقفت إدارة السد ثلاث عنفات من أصل ثماني بعد تراجع منسوب النهر إلى أدنى مستوى صيفي منذ "
     "عشر سنوات."),
    ("T06", "en", "Syria Direct Desk", 150, "Deir al-Zour shops shut early as dam cuts bite",
     "Traders closed at dusk and bakeries ran generators as supply from the dam fell, residents said."),
    ("T06", "ar", "الوطن", 170, "أربع ساعات كهرباء يوميا في دير الزور",
     "أغلقت محال تجارية أبوابها باكرا ولجأت الأفران إلى المولدات مع تقليص التغذية الكهربائية "
     "القادمة من السد."),
    ("T06", "en", "Tehran Times English", 300, "Syria blames Turkey for low Euphrates flow",
     "The water ministry in Damascus said Ankara had held back river water in breach of a 1987 accord, "
     "a charge Turkish officials have denied before."),
    ("T06", "ar", "الجزيرة نت", 320, "دمشق تتهم أنقرة بحبس مياه الفرات",
     "قالت وزارة الموارد المائية إن تركيا خفضت تدفق النهر دون الحد المتفق عليه عام 1987."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Northern Agency", 40, "verbatim"),
    (7, "الوطن", 30, "credited"),
    (14, "Amman Post", 45, "verbatim"),
    (26, "المدن", 20, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "t", "heldout7.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
