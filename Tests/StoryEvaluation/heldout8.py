#!/usr/bin/env python3
"""Builds heldout8.json, the eighth held-out part of Herald's story evaluation set.

Written and committed before the sixth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of September 2026 in near misses on the same actors and places: the foreign
minister in Moscow, on Russia's bases, and a Russian military delegation at the Hmeimim base two
days later; Israeli strikes on the Dumayr air base, and a drone strike on a car near Khan al-Shih
the next night; a bus crash near Rastan on the Homs–Hama road (a story no alias of the desk names),
and the Rastan bridge closed for repairs the next day. Places spelled more than one way (Hmeimim,
Khmeimim; Dumayr, Dmeir, Dumair; Khan al-Shih, Khan Alshih; Rastan, al-Rastan; Talbiseh,
Talbisah), headlines that open on their place, a few short flashes, reports that name no place,
and an outlet of this part's own. Run it again and it writes the same file (`python3 heldout8.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["نشرة البادية"]

# Story id -> when its first report appears.
STARTS = {
    "U01": datetime(2026, 9, 7, 8, tzinfo=timezone.utc),       # Shaibani in Moscow
    "U02": datetime(2026, 9, 9, 10, tzinfo=timezone.utc),      # Russian delegation at Hmeimim
    "U03": datetime(2026, 9, 8, 22, tzinfo=timezone.utc),      # Israeli strikes on the Dumayr air base
    "U04": datetime(2026, 9, 9, 23, 30, tzinfo=timezone.utc),  # drone strike on a car near Khan al-Shih
    "U05": datetime(2026, 9, 10, 7, tzinfo=timezone.utc),      # bus crash near Rastan (no desk alias)
    "U06": datetime(2026, 9, 11, 9, tzinfo=timezone.utc),      # Rastan bridge closed for repairs
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # U01: the Syrian foreign minister in Moscow, on the Russian bases, wheat and debt.
    ("U01", "en", "Levant Wire", 0, "Shaibani in Moscow for talks on Russian bases",
     "Syria's foreign minister Asaad al-Shaibani arrived in Moscow on Monday for talks with Sergei "
     "Lavrov on the future of Russia's air base at Hmeimim and its naval facility in Tartus, his "
     "ministry said."),
    ("U01", "ar", "سانا", 15, "الشيباني يصل إلى موسكو في زيارة رسمية",
     "وصل وزير الخارجية والمغتربين أسعد الشيباني إلى العاصمة الروسية لإجراء مباحثات مع نظيره "
     "سيرغي لافروف تتناول العلاقات الثنائية."),
    ("U01", "en", "Tehran Times English", 180, "Lavrov and Shaibani discuss wheat deliveries and debt",
     "The two ministers talked about resuming Russian wheat shipments to Syrian ports and about loans "
     "dating from before the change of government, the Russian side said after the meeting."),
    ("U01", "ar", "الشرق الأوسط", 200, "لافروف: مستقبل القواعد يبحث بعيدا عن الإعلام",
     "قال وزير الخارجية الروسي بعد لقائه الشيباني إن مستقبل قاعدة حميميم والمنشأة البحرية في "
     "طرطوس يبحث بين الجانبين بهدوء."),
    ("U01", "en", "Amman Post", 420, "Analysis: Damascus keeps Moscow close while courting the West",
     "By sending its top diplomat to the Kremlin weeks after Gulf and European visits, the new "
     "government is hedging, analysts say, and the Khmeimim lease is the strongest card it holds."),
    ("U01", "ar", "عنب بلدي", 450, "ماذا تريد دمشق من موسكو؟",
     "يرى محللون أن الحكومة تستخدم ملف القاعدتين ورقة تفاوض للحصول على القمح وتسليم مطلوبين "
     "فروا إلى روسيا."),

    # U02: two days later, a Russian military delegation at the Hmeimim base near Jableh.
    ("U02", "en", "Northern Agency", 0, "Russian generals tour Hmeimim base after Moscow talks",
     "A Russian military delegation led by a deputy defence minister landed at the Hmeimim air base "
     "near Jableh on Wednesday and met Syrian officers, the defence ministry said."),
    ("U02", "ar", "الوطن", 20, "وفد عسكري روسي في قاعدة حميميم",
     "وصل وفد عسكري روسي برئاسة نائب وزير الدفاع إلى قاعدة حميميم الجوية في ريف جبلة، والتقى "
     "ضباطا من وزارة الدفاع السورية."),
    ("U02", "en", "Gulf Daily", 90, "Flash: Russian delegation at Syrian coastal base",
     "Russian officers arrived at the base on Wednesday, officials said."),
    ("U02", "ar", "تلفزيون سوريا", 120, "عاجل | وفد روسي يصل إلى حميميم",
     "وفد عسكري روسي يزور القاعدة الجوية."),
    ("U02", "en", "Beirut Observer", 300, "Jableh villagers want a say on the base next door",
     "People in villages around the airfield said they lost farmland to its fences a decade ago and "
     "asked the new authorities to raise compensation with the Russians."),
    ("U02", "ar", "المدن", 330, "أهالي ريف جبلة يطالبون بتعويض عن أراض ضمتها القاعدة",
     "طالب سكان قرى محيطة بالمطار بتعويضهم عن أراض زراعية ضمت إلى القاعدة الروسية قبل عشر "
     "سنوات."),

    # U03: Israeli strikes on the Dumayr air base, north-east of Damascus.
    ("U03", "en", "Damascus Today", 0, "Explosions heard near Dumayr air base",
     "Residents of al-Dumayr, north-east of Damascus, reported a series of blasts around the military "
     "airport shortly before midnight on Tuesday."),
    ("U03", "ar", "العربية", 10, "انفجارات عنيفة في محيط مطار الضمير العسكري",
     "سمع سكان مدينة الضمير في ريف دمشق دوي انفجارات متتالية قرب المطار العسكري قبيل منتصف "
     "الليل."),
    ("U03", "ar", "نشرة البادية", 30, "عاجل | دوي انفجارات شرق العاصمة",
     "انفجارات في الريف الشرقي للعاصمة."),
    ("U03", "en", "Middle East Monitor Desk", 50, "Israel confirms strikes on air defence site east of the capital",
     "An Israeli military spokesman said jets had hit surface-to-air missile launchers and a hangar at "
     "the Dmeir airfield."),
    ("U03", "ar", "الجزيرة نت", 70, "إسرائيل تعلن قصف منظومات دفاع جوي قرب دمشق",
     "قال الجيش الإسرائيلي إن طائراته استهدفت منصات صواريخ أرض جو وحظيرة طائرات في مطار "
     "الضمير."),
    ("U03", "en", "Anatolia News English", 520, "Three soldiers killed in Dumair raid, ministry says",
     "The defence ministry said on Wednesday morning that three soldiers died and a runway was "
     "damaged, and condemned what it called a violation of Syrian sovereignty."),
    ("U03", "ar", "سانا", 540, "استشهاد ثلاثة عسكريين في العدوان على مطار الضمير",
     "أعلنت وزارة الدفاع استشهاد ثلاثة عسكريين وتضرر أحد مدارج المطار جراء العدوان "
     "الإسرائيلي."),

    # U04: the next night, an Israeli drone strike on a car near Khan al-Shih.
    ("U04", "en", "Gulf Daily", 0, "Drone strike on car near Khan al-Shih kills three",
     "An Israeli drone hit a car on the road outside Khan al-Shih, south-west of Damascus, on Wednesday "
     "night, a day after the raid on Dumayr, local sources said."),
    ("U04", "ar", "تسنيم", 15, "مسيرة إسرائيلية تستهدف سيارة قرب خان الشيح",
     "قتل ثلاثة أشخاص بغارة لطائرة مسيرة إسرائيلية على سيارة عند أطراف خان الشيح في ريف دمشق "
     "الغربي."),
    ("U04", "en", "Levant Wire", 40, "Flash: three dead in strike on vehicle west of capital",
     "A vehicle was hit late on Wednesday; three people died."),
    ("U04", "en", "Middle East Monitor Desk", 80, "Israeli army says strike hit a weapons courier",
     "The military said the car carried a man who moved rockets to groups near the Golan ceasefire "
     "line."),
    ("U04", "ar", "تلفزيون سوريا", 400, "أهالي خان الشيح يشيعون ضحايا الغارة",
     "شيع المئات في البلدة ثلاثة شبان قضوا في استهداف سيارتهم، ونفى ذووهم أي صلة لهم "
     "بالسلاح."),
    ("U04", "en", "Syria Direct Desk", 430, "Khan Alshih mourns three young men, rejects Israeli claim",
     "Hundreds walked behind the coffins in the former camp town, and relatives said the three worked "
     "at a vegetable market."),

    # U05: a bus crash near Rastan on the Homs-Hama road; no report names an alias of the desk.
    ("U05", "en", "Northern Agency", 0, "Bus overturns near Rastan, 12 killed",
     "A passenger bus travelling from Homs to Hama overturned near the Rastan bridge early on "
     "Thursday, killing 12 people and injuring 30, the civil defence said."),
    ("U05", "ar", "عنب بلدي", 20, "مقتل 12 شخصا بانقلاب حافلة قرب الرستن",
     "قتل 12 شخصا وأصيب 30 آخرون بانقلاب حافلة ركاب على الطريق الدولي بين حمص وحماة قرب جسر "
     "الرستن صباح الخميس."),
    ("U05", "en", "Amman Post", 150, "Hama hospitals call for blood donors after crash",
     "The national hospital in Hama said it had received most of the injured and asked residents to "
     "give blood."),
    ("U05", "ar", "النهار", 170, "مشافي حماة تطلب متبرعين بالدم",
     "دعا المشفى الوطني في حماة الأهالي إلى التبرع بالدم بعد استقبال معظم مصابي الحادث."),
    ("U05", "en", "Beirut Observer", 240, "Brakes failed, survivors say of Rastan bus",
     "Passengers said the driver shouted that the brakes had gone as the bus came down the slope to "
     "the Orontes bridge."),
    ("U05", "ar", "نشرة البادية", 260, "ناجون: الفرامل تعطلت قبل الجسر",
     "قال ناجون إن السائق صرخ بأن المكابح تعطلت عند المنحدر المؤدي إلى جسر العاصي."),

    # U06: the next day, the Rastan bridge closed for repairs; traffic through Talbiseh.
    ("U06", "en", "Levant Wire", 0, "Rastan bridge closed for repairs after deadly crash",
     "The transport ministry closed the bridge over the Orontes at al-Rastan on Friday and sent traffic "
     "between Homs and Hama through Talbiseh while engineers check cracks in its deck."),
    ("U06", "ar", "الوطن", 30, "إغلاق جسر الرستن أمام حركة المرور",
     "أعلنت وزارة النقل إغلاق جسر الرستن على نهر العاصي وتحويل السير بين حمص وحماة عبر تلبيسة "
     "لحين تقييم الأضرار."),
    ("U06", "en", "Damascus Today", 120, "Drivers face two-hour detour as Homs-Hama road shut",
     "Syrian lorry drivers queued on the narrow road through Talbisah, and some said the trip north now "
     "took twice as long."),
    ("U06", "ar", "الجزيرة نت", 140, "ازدحام خانق على طريق تلبيسة بعد إغلاق الجسر",
     "اصطفت الشاحنات لساعات على الطريق الضيق وقال سائقون إن الرحلة إلى حماة باتت تستغرق ضعف "
     "الوقت."),
    ("U06", "en", "Tehran Times English", 300, "Flash: Syria to reopen Rastan bridge in three weeks",
     "Engineers said repairs would take about three weeks."),
    ("U06", "ar", "سانا", 320, "وزير النقل: إعادة فتح جسر الرستن خلال ثلاثة أسابيع",
     "قال وزير النقل إن أعمال الصيانة ستستغرق نحو ثلاثة أسابيع وإن الجسر لم يعد آمنا للشاحنات "
     "الثقيلة."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Gulf Daily", 35, "verbatim"),
    (7, "النهار", 25, "credited"),
    (15, "Amman Post", 40, "verbatim"),
    (31, "Syria Direct Desk", 30, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "u", "heldout8.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
