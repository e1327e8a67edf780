#!/usr/bin/env python3
"""Builds heldout6.json, the sixth held-out part of Herald's story evaluation set.

Written and committed before the fourth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of July 2026 in near misses on the same actors and places: the foreign minister
in Beirut, and a Lebanese-Syrian committee at the Masnaa crossing two days later; Israeli strikes
on the Mezzeh air base and a drone strike on a truck near Qatana the next night, both west of
Damascus; the Alouk water station stopping, which leaves Hasakah dry (a story no alias of the
desk names), and the Khafsa station failing near Aleppo the next day. Places spelled more than one
way (Mezzeh, al-Mazzeh, Mazzeh; Qatana, Katana; Alouk, Allouk; Hasakah, Hasaka) or named
differently in the two languages (the Lebanese side of the crossing, Masnaa, against the Syrian
side, جديدة يابوس; an Arabic report that says only "west of the capital"); a few short flashes.
Run it again and it writes the same file (`python3 heldout6.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "R01": datetime(2026, 7, 6, 9, tzinfo=timezone.utc),     # Shaibani in Beirut
    "R02": datetime(2026, 7, 7, 22, tzinfo=timezone.utc),    # Israeli strikes on the Mezzeh air base
    "R03": datetime(2026, 7, 8, 10, tzinfo=timezone.utc),    # border committee at the Masnaa crossing
    "R04": datetime(2026, 7, 8, 23, 30, tzinfo=timezone.utc),  # drone strike on a truck near Qatana
    "R05": datetime(2026, 7, 9, 8, tzinfo=timezone.utc),     # Alouk station stops, Hasakah without water
    "R06": datetime(2026, 7, 10, 11, tzinfo=timezone.utc),   # Khafsa station fails, Aleppo water cuts
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # R01: the Syrian foreign minister in Beirut, on the sea border and refugees going home.
    ("R01", "en", "Beirut Observer", 0, "Shaibani lands in Beirut on first trip since Lebanon's new cabinet",
     "Syria's foreign minister was met at the airport by his Lebanese counterpart Youssef Rajji on Monday "
     "morning, at the start of a visit expected to cover the maritime boundary and the fate of detainees."),
    ("R01", "en", "Levant Wire", 70, "Lebanon and Syria agree to set up panel on sea border",
     "After three hours at the Bustros palace the two ministers said experts would start mapping the "
     "offshore line within a month, a dispute that has held up gas exploration off Tripoli."),
    ("R01", "en", "Gulf Daily", 210, "Refugee returns top Beirut agenda as Shaibani meets Aoun",
     "President Joseph Aoun pressed the visiting minister on a timetable for the voluntary return of "
     "the roughly 1.4 million Syrians still in Lebanon, the presidency said."),
    ("R01", "en", "Amman Post", 380, "Analysis: a thaw that Beirut's politicians cannot agree on",
     "Hezbollah's allies kept away from the talks, and several ministers complained they had not been "
     "consulted on what Lebanon would give in return for the release of prisoners held in Roumieh."),
    ("R01", "ar", "النهار", 15, "الشيباني في بيروت في أول زيارة منذ تشكيل الحكومة اللبنانية",
     "حط وزير الخارجية السوري في مطار رفيق الحريري حيث استقبله نظيره يوسف رجي، على أن يلتقي "
     "كبار المسؤولين خلال النهار."),
    ("R01", "ar", "الشرق الأوسط", 110, "اتفاق لبناني سوري على لجنة لترسيم الحدود البحرية",
     "أعلن الوزيران بعد اجتماع في قصر بسترس تشكيل فريق من الخبراء يبدأ عمله خلال شهر لحسم "
     "الخلاف قبالة طرابلس."),
    ("R01", "ar", "المدن", 300, "عون للشيباني: نريد جدولا زمنيا لعودة النازحين",
     "شدد الرئيس جوزاف عون على ضرورة وضع خطة واضحة لعودة النازحين، فيما طالب الضيف بإطلاق "
     "الموقوفين في سجن رومية."),

    # R02: the next night, Israeli strikes on the Mezzeh air base, west of Damascus.
    ("R02", "en", "Damascus Today", 0, "Loud blasts shake western Damascus",
     "Residents of Mezzeh and Kafr Sousa reported at least six explosions just before midnight, and "
     "ambulances were seen heading toward the military airport."),
    ("R02", "en", "Middle East Monitor Desk", 50, "Israel says it struck drone hangars at Mazzeh airbase",
     "The Israeli army said its jets hit storage sites for attack drones at the base, which it said were "
     "meant for groups operating near the Golan."),
    ("R02", "en", "Anatolia News English", 540, "Three killed in overnight raid on al-Mezzeh air base, army says",
     "A Syrian military statement on Wednesday said three personnel died and a runway and two hangars were "
     "damaged; it called the attack a violation of sovereignty."),
    ("R02", "ar", "تلفزيون سوريا", 10, "عاجل | انفجارات عنيفة في حي المزة بدمشق",
     "دوي انفجارات متتالية في محيط مطار المزة العسكري."),
    ("R02", "ar", "الجزيرة نت", 60, "الجيش الإسرائيلي: قصفنا حظائر مسيرات في مطار المزة",
     "قال متحدث عسكري إسرائيلي إن الطائرات استهدفت مخازن لطائرات مسيرة هجومية داخل القاعدة."),
    ("R02", "ar", "الوطن", 560, "ثلاثة شهداء في العدوان الإسرائيلي على مطار المزة",
     "ذكر بيان للقيادة العامة أن الغارات ألحقت أضرارا بمدرج وحظيرتين، وأن ثلاثة من العسكريين "
     "قضوا."),
    ("R02", "ar", "العربية", 120, "ماذا يوجد في مطار المزة؟",
     "تضم القاعدة الواقعة غرب العاصمة مهبطا للمروحيات ومستودعات، وقد تعرضت لضربات متكررة خلال "
     "السنوات الماضية."),

    # R03: two days after R01, a joint committee at the crossing between the two countries.
    ("R03", "en", "Levant Wire", 0, "Lebanese and Syrian officials meet at Masnaa crossing on truck backlog",
     "A joint committee gathered at the border post on Wednesday to ease queues of lorries that have "
     "waited up to five days to cross, officials said."),
    ("R03", "en", "Northern Agency", 160, "Crossing hours to be extended, border committee says",
     "The Masna'a post will stay open until midnight from next week, and customs staff on both sides will "
     "share a single inspection, the committee announced."),
    ("R03", "en", "Syria Direct Desk", 320, "Drivers welcome end to five-day waits at the frontier",
     "Lorry drivers parked along the Beirut-Damascus highway said the new schedule could save them days, "
     "though few believed it would hold."),
    ("R03", "ar", "سانا", 20, "اجتماع للجنة السورية اللبنانية المشتركة في جديدة يابوس",
     "بحثت اللجنة في مركز جديدة يابوس الحدودي تسهيل عبور الشاحنات وتوحيد إجراءات التفتيش."),
    ("R03", "ar", "النهار", 140, "تمديد ساعات العمل في معبر المصنع حتى منتصف الليل",
     "أعلنت اللجنة المشتركة أن المعبر سيبقى مفتوحا حتى منتصف الليل اعتبارا من الأسبوع المقبل."),
    ("R03", "ar", "عنب بلدي", 280, "سائقو الشاحنات: انتظرنا خمسة أيام على الحدود",
     "يأمل سائقون متوقفون على الطريق الدولي أن تنهي الإجراءات الجديدة أيام الانتظار الطويلة."),

    # R04: the next night, an Israeli drone strike on a truck near Qatana, west of Damascus.
    ("R04", "en", "Gulf Daily", 0, "Drone strike on truck near Qatana kills two",
     "An Israeli drone hit a lorry on the road outside Qatana, south-west of the capital, a day after "
     "the raid on the Mezzeh air base, local sources said."),
    ("R04", "en", "Damascus Today", 40, "Flash: two dead as truck hit near Katana",
     "Two men were killed when a vehicle was struck on the Katana road late on Wednesday."),
    ("R04", "en", "Tehran Times English", 400, "Truck in Qatana strike carried vegetables, owner says",
     "The owner of the lorry said it was taking produce from Sa'sa to the city market, and that the "
     "driver and his son were the ones killed."),
    ("R04", "ar", "تسنيم", 25, "مسيرة إسرائيلية تستهدف شاحنة قرب قطنا",
     "قتل شخصان بضربة من طائرة مسيرة إسرائيلية على شاحنة في محيط مدينة قطنا بريف دمشق الغربي."),
    ("R04", "ar", "تلفزيون سوريا", 60, "قتيلان بضربة جوية غرب العاصمة",
     "استهدفت ضربة جوية شاحنة على طريق فرعي غرب العاصمة ليلة الأربعاء."),
    ("R04", "ar", "المدن", 420, "صاحب الشاحنة المستهدفة: كانت تحمل خضارا",
     "قال مالك الشاحنة إن السائق وابنه قتلا وهما في طريقهما إلى سوق الهال."),

    # R05: the Alouk water station stops and Hasakah goes without water; no alias of the desk.
    ("R05", "en", "Northern Agency", 0, "Alouk water station stops pumping, Hasakah taps run dry",
     "The station that supplies about 600,000 people in and around Hasakah city went out of service on "
     "Thursday after its power line was cut, the water directorate said."),
    ("R05", "en", "Beirut Observer", 180, "Families queue for tanker water in Hasaka heat",
     "With temperatures above 45 degrees, residents paid up to ten dollars a barrel for water from "
     "private tankers, and aid groups warned of disease in the camps."),
    ("R05", "en", "Amman Post", 330, "UNICEF warns of child illness as Allouk outage drags on",
     "The agency said it was trucking water to schools used as shelters but could cover only a fraction "
     "of the city's needs."),
    ("R05", "ar", "عنب بلدي", 30, "توقف محطة علوك يقطع المياه عن الحسكة",
     "خرجت محطة مياه علوك عن الخدمة بعد انقطاع خط الكهرباء المغذي لها، ما حرم مئات الآلاف من "
     "مياه الشرب."),
    ("R05", "ar", "الشرق الأوسط", 240, "صهاريج بأسعار مضاعفة في الحسكة مع موجة الحر",
     "اشتكى أهالي المدينة من ارتفاع سعر برميل الماء مع تجاوز الحرارة 45 درجة."),

    # R06: the next day, the Khafsa station fails and Aleppo's water is cut (same kind of event).
    ("R06", "en", "Levant Wire", 0, "Aleppo faces water cuts as Khafsa pumps fail",
     "A fault at the al-Khafsa pumping station on the Euphrates halted supply to much of Aleppo on "
     "Friday, the city's water company said, asking residents to ration what they stored."),
    ("R06", "en", "Syria Direct Desk", 200, "Low river level blamed for Aleppo outage",
     "Engineers said the Euphrates had dropped below the intake of two pumps, and that repairs would "
     "take at least a week."),
    ("R06", "ar", "سانا", 15, "انقطاع المياه عن أحياء في حلب بسبب عطل في محطة الخفسة",
     "أعلنت المؤسسة العامة لمياه الشرب في حلب توقف الضخ من محطة الخفسة إثر عطل فني."),
    ("R06", "ar", "العربية", 150, "انخفاض منسوب الفرات يهدد مياه الشرب في حلب",
     "قال مهندسون إن انخفاض منسوب النهر كشف مآخذ المضخات، وإن الإصلاح يحتاج أسبوعا."),
    ("R06", "ar", "الوطن", 330, "أهالي حلب يعودون إلى الآبار والصهاريج",
     "لجأ سكان الأحياء الشرقية إلى الآبار والصهاريج الخاصة مع استمرار انقطاع المياه لليوم الثاني."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (1, "Tehran Times English", 35, "verbatim"),
    (11, "تسنيم", 30, "credited"),
    (14, "Anatolia News English", 45, "verbatim"),
    (33, "المدن", 20, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "r", "heldout6.json")


if __name__ == "__main__":
    main()
