#!/usr/bin/env python3
"""Builds heldout5.json, the fifth held-out part of Herald's story evaluation set.

Written and committed before the third round of work on how reports find their story, with its
"before" figures; no setting may be chosen on it. Every report is written freely, one by one; only
the wire copies share text. Six stories of June 2026 in near misses on the same actors and places:
the foreign minister in Cairo, and Egyptian gas reaching a Syrian power station two days later;
an Israeli strike near al-Kiswah and a drone strike near Sasa the next night, both south-west of
Damascus; fires in the wheat fields around Qamishli, and the wheat purchase price announced the
next day. Places outside the alias sets throughout, several spelled more than one way (Kiswah,
al-Kiswa; Qamishli, Kamishli; Hasakah, Hasakeh) or named differently in the two languages (an
Arabic report that says only "south of the capital" or "the Damascus countryside"); a few short
flashes. Run it again and it writes the same file (`python3 heldout5.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "Q01": datetime(2026, 6, 8, 8, tzinfo=timezone.utc),    # Shaibani in Cairo
    "Q02": datetime(2026, 6, 9, 21, tzinfo=timezone.utc),   # Israeli strikes near al-Kiswah
    "Q03": datetime(2026, 6, 10, 10, tzinfo=timezone.utc),  # Egyptian gas reaches Deir Ali
    "Q04": datetime(2026, 6, 10, 23, tzinfo=timezone.utc),  # Israeli drone strike near Sasa
    "Q05": datetime(2026, 6, 11, 12, tzinfo=timezone.utc),  # wheat fields burn around Qamishli
    "Q06": datetime(2026, 6, 12, 9, tzinfo=timezone.utc),   # wheat purchase price announced
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # Q01: the Syrian foreign minister in Cairo, on embassies and Egyptian gas.
    ("Q01", "en", "Levant Wire", 0, "Shaibani in Cairo for first visit by a Syrian foreign minister in 13 years",
     "Asaad al-Shaibani arrived in the Egyptian capital on Monday and was received by his counterpart "
     "Badr Abdelatty, in a visit both sides described as the end of a long estrangement."),
    ("Q01", "en", "Gulf Daily", 95, "Egypt and Syria agree to restore full diplomatic ties",
     "Cairo will raise its mission in Damascus to an embassy headed by an ambassador, Egypt's foreign "
     "minister Abdelatty told a joint news conference."),
    ("Q01", "en", "Amman Post", 260, "Gas on the table as Egyptian and Syrian diplomats meet",
     "Officials familiar with the talks said Egypt offered to pump natural gas north through Jordan to "
     "ease Syria's power shortages, with details left to the energy ministries."),
    ("Q01", "en", "Tehran Times English", 400, "Sisi receives Syrian envoy, stresses Syria's unity",
     "President Abdel Fattah al-Sisi told the visiting minister that Egypt rejected any foreign "
     "presence on Syrian soil, the Egyptian presidency said."),
    ("Q01", "ar", "سانا", 10, "الشيباني يصل القاهرة في زيارة رسمية",
     "وصل وزير الخارجية والمغتربين أسعد الشيباني إلى القاهرة حيث كان في استقباله نظيره المصري بدر "
     "عبد العاطي."),
    ("Q01", "ar", "العربية", 120, "مصر ترفع تمثيلها الدبلوماسي في دمشق إلى مستوى سفير",
     "أعلن وزير الخارجية المصري في مؤتمر صحفي مشترك مع الشيباني عودة العلاقات بين البلدين إلى "
     "طبيعتها الكاملة."),
    ("Q01", "ar", "الشرق الأوسط", 300, "السيسي يستقبل وزير الخارجية السوري",
     "أكد الرئيس المصري عبد الفتاح السيسي خلال استقباله الشيباني رفض بلاده لأي وجود أجنبي على "
     "الأراضي السورية."),

    # Q02: Israeli strikes on army positions near al-Kiswah, south of Damascus.
    ("Q02", "en", "Damascus Today", 0, "Explosions heard south of Damascus as Israeli jets strike Kiswah",
     "Residents of the capital's southern suburbs reported a series of blasts shortly after 11 pm, "
     "and a military source said positions near al-Kiswah had been hit."),
    ("Q02", "en", "Middle East Monitor Desk", 45, "Israeli military says it hit weapons stores in southern Syria",
     "An Israeli army spokesman said the strikes targeted depots belonging to units it accused of "
     "moving arms toward the Golan frontier."),
    ("Q02", "en", "Beirut Observer", 500, "Two soldiers dead after overnight raid near al-Kiswa",
     "A Syrian army statement on Wednesday morning said two soldiers were killed and a barracks of the "
     "1st Division was damaged in the attack south of the capital."),
    ("Q02", "ar", "تلفزيون سوريا", 15, "دوي انفجارات جنوب دمشق",
     "سمع سكان أحياء دمشق الجنوبية دوي انفجارات متتالية قرابة الحادية عشرة ليلا."),
    ("Q02", "ar", "الجزيرة نت", 40, "عاجل | غارات إسرائيلية على مواقع عسكرية في الكسوة بريف دمشق",
     "مصادر محلية: الغارات استهدفت مستودعات قرب الكسوة جنوب العاصمة."),
    ("Q02", "ar", "الوطن", 520, "استشهاد جنديين في العدوان الإسرائيلي على ريف دمشق الجنوبي",
     "قالت القيادة العامة للجيش إن جنديين استشهدا وتضررت ثكنة تابعة للفرقة الأولى جراء الاعتداء."),

    # Q03: Egyptian gas reaches the Deir Ali power station through the Arab Gas Pipeline.
    ("Q03", "en", "Northern Agency", 0, "First Egyptian gas flows into Syria through Arab pipeline",
     "Natural gas from Egypt crossed from Jordan into Syria on Wednesday and reached the Deir Ali "
     "power station, the Syrian electricity ministry said."),
    ("Q03", "en", "Syria Direct Desk", 180, "Deir Aly plant to add 400 megawatts with Egyptian supply",
     "Engineers at the station south of Damascus said the gas would let two idle turbines run again, "
     "adding about 400 megawatts to the grid within a week."),
    ("Q03", "en", "Anatolia News English", 330, "Pipeline deal tests US sanctions waiver",
     "The flow depends on a waiver Washington granted last month, and on Jordan's agreement to let the "
     "gas cross its network, energy analysts said."),
    ("Q03", "ar", "سانا", 15, "وصول أولى دفعات الغاز المصري إلى محطة دير علي",
     "أعلنت وزارة الكهرباء وصول الغاز المصري عبر خط الغاز العربي إلى محطة توليد دير علي."),
    ("Q03", "ar", "عنب بلدي", 210, "الغاز المصري يعيد تشغيل عنفات متوقفة",
     "قال مهندسون في المحطة إن الإمدادات الجديدة ستضيف نحو 400 ميغاواط إلى الشبكة خلال أيام."),
    ("Q03", "ar", "النهار", 360, "خط الغاز العربي يعود إلى العمل بعد سنوات من التوقف",
     "يمر الغاز عبر الأردن بموجب اتفاق رباعي، بعد استثناء منحته واشنطن من العقوبات."),

    # Q04: the next night, an Israeli drone strike on a car near Sasa, south-west of Damascus.
    ("Q04", "en", "Gulf Daily", 0, "Israeli drone hits car near Sasa, killing two",
     "A drone struck a car on the road between Sasa and Beit Saber in the Damascus countryside on "
     "Thursday night, a day after Israeli raids near al-Kiswah, local sources said."),
    ("Q04", "en", "Damascus Today", 150, "Men killed in Sa'sa drone strike were local farmers, relatives say",
     "Relatives of the two men said they were returning from their orchards and had no link to any "
     "armed group, contradicting Israeli claims."),
    ("Q04", "en", "Levant Wire", 420, "Israel says drone killed arms smugglers",
     "The Israeli military said the two men had been smuggling weapons toward the border area and that "
     "it would act against any such attempt."),
    ("Q04", "ar", "تسنيم", 20, "مسيرة إسرائيلية تستهدف سيارة في ريف دمشق الغربي",
     "استهدفت طائرة مسيرة إسرائيلية سيارة مدنية على طريق سعسع ما أدى إلى مقتل شخصين."),
    ("Q04", "ar", "المدن", 170, "أهالي سعسع: القتيلان مزارعان",
     "قال أقارب الرجلين إنهما كانا عائدين من بساتينهما ولا علاقة لهما بأي فصيل."),
    ("Q04", "ar", "تلفزيون سوريا", 30, "عاجل: قتيلان بضربة مسيرة قرب سعسع",
     "قتيلان بضربة مسيرة على طريق سعسع."),

    # Q05: fires burn wheat fields around Qamishli and Amuda; no alias but the SDF in one report.
    ("Q05", "en", "Northern Agency", 0, "Fires sweep wheat fields around Qamishli",
     "Blazes burned hundreds of hectares of ripe wheat in villages east of Qamishli on Thursday, and "
     "farmers fought the flames with tractors and water tanks."),
    ("Q05", "en", "Syria Direct Desk", 200, "Farmers count losses as harvest goes up in smoke",
     "Growers near Amuda said a season's income had been lost in an afternoon, and asked who would "
     "compensate them."),
    ("Q05", "en", "Beirut Observer", 380, "SDF blames arson for Kamishli crop fires",
     "The Kurdish-led administration said the fires had been set deliberately and arrested three "
     "people in Hasakeh province."),
    ("Q05", "ar", "عنب بلدي", 30, "حرائق تلتهم حقول القمح في ريف القامشلي",
     "أتت النيران على مئات الهكتارات من القمح الجاهز للحصاد في قرى شرق القامشلي."),
    ("Q05", "ar", "الشرق الأوسط", 240, "مزارعو عامودا يخسرون موسمهم",
     "قال مزارعون إن النار أحرقت محصول عام كامل في ساعات وطالبوا بتعويضهم."),
    ("Q05", "ar", "تسنيم", 400, "الإدارة الذاتية تتحدث عن حرائق متعمدة",
     "أعلنت الإدارة الذاتية توقيف ثلاثة أشخاص في محافظة الحسكة بتهمة إشعال الحرائق."),

    # Q06: the next day, the wheat purchase price for the season (same crop, same province).
    ("Q06", "en", "Levant Wire", 0, "Syria sets wheat price at $450 a tonne to draw harvest from northeast",
     "The agriculture ministry said on Friday it would pay farmers 450 dollars a tonne and open "
     "collection centres in Hasakah and Raqqa, competing with the local administration's offer."),
    ("Q06", "en", "Amman Post", 240, "Bidding war for the northeast's grain",
     "Damascus and the Kurdish-run authorities are each trying to buy the same crop, and farmers say "
     "they will sell to whoever pays first and in dollars."),
    ("Q06", "ar", "سانا", 10, "تحديد سعر شراء القمح من الفلاحين بـ450 دولارا للطن",
     "أعلنت وزارة الزراعة افتتاح مراكز استلام الحبوب في الحسكة والرقة اعتبارا من الأحد."),
    ("Q06", "ar", "العربية", 150, "منافسة على القمح في الجزيرة السورية",
     "تتسابق الحكومة والإدارة الذاتية على شراء محصول الفلاحين في شمال شرق البلاد."),
    ("Q06", "ar", "الوطن", 300, "الفلاحون يرحبون بالتسعيرة الجديدة",
     "قال فلاحون في ريف الرقة إن السعر الجديد يغطي تكاليف الموسم لأول مرة منذ سنوات."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Beirut Observer", 30, "verbatim"),
    (13, "Middle East Monitor Desk", 40, "credited"),
    (19, "Anatolia News English", 50, "verbatim"),
    (31, "Tehran Times English", 25, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "q", "heldout5.json")


if __name__ == "__main__":
    main()
