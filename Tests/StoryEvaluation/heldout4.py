#!/usr/bin/env python3
"""Builds heldout4.json, the fourth held-out part of Herald's story evaluation set.

Written and committed before the work on split stories (reports of one event that Herald puts in
two or more stories), with its "before" figures; no setting may be chosen on it. Every report is
written freely, one by one; only the wire copies share text. Six stories of May 2026 on the
same actors and places a day or so apart: a visit to Abu Dhabi and an Emirati port deal for
Tartus; an Israeli strike near Jableh and one near Tartus the next night; longer power supply
hours (reports that share only wording, one of them the next day); a Turkish drone strike near
Ras al-Ain (a name of two words in both languages). Places outside the alias sets throughout.
Run it again and it writes the same file (`python3 heldout4.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Story id -> when its first report appears.
STARTS = {
    "P01": datetime(2026, 5, 4, 9, tzinfo=timezone.utc),    # Shaibani in Abu Dhabi
    "P02": datetime(2026, 5, 4, 22, tzinfo=timezone.utc),   # Israeli strike near Jableh
    "P03": datetime(2026, 5, 5, 7, tzinfo=timezone.utc),    # longer electricity supply hours
    "P04": datetime(2026, 5, 5, 23, tzinfo=timezone.utc),   # Israeli strike on a radar near Tartus
    "P05": datetime(2026, 5, 6, 10, tzinfo=timezone.utc),   # Emirati company to run Tartus port
    "P06": datetime(2026, 5, 7, 8, tzinfo=timezone.utc),    # Turkish drone strike near Ras al-Ain
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # P01: the Syrian foreign minister in Abu Dhabi, on investment and flights.
    ("P01", "en", "Gulf Daily", 0, "Shaibani lands in Abu Dhabi for talks on Gulf investment",
     "Syria's foreign minister began a two-day visit to the Emirates on Monday, his first since the "
     "UAE reopened its embassy in Damascus, with investment at the top of the agenda."),
    ("P01", "en", "Levant Wire", 70, "UAE pledges to back Syrian reconstruction projects",
     "Sheikh Abdullah bin Zayed told his guest the Emirates would fund housing and power projects, "
     "according to a statement from the Emirati foreign ministry."),
    ("P01", "en", "Amman Post", 240, "Emirati and Syrian carriers to add weekly flights",
     "The two governments agreed to raise the number of flights between Abu Dhabi and Damascus to "
     "fourteen a week, a Syrian official travelling with the minister said."),
    ("P01", "en", "Syria Direct Desk", 1380, "What Damascus wants from its Gulf tour",
     "Shaibani's stop in the Emirates is the second leg of a tour meant to turn warm words from the "
     "Gulf into money for a Syria that cannot rebuild on its own."),
    ("P01", "ar", "سانا", 15, "الشيباني يصل إلى أبو ظبي في زيارة رسمية",
     "وصل وزير الخارجية السوري أسعد الشيباني إلى العاصمة الإماراتية أبو ظبي حيث يلتقي نظيره الشيخ "
     "عبد الله بن زايد."),
    ("P01", "ar", "العربية", 90, "الإمارات تتعهد بدعم مشاريع إعادة الإعمار في سوريا",
     "أكد الشيخ عبد الله بن زايد خلال لقائه الشيباني استعداد بلاده لتمويل مشاريع السكن والطاقة."),
    ("P01", "ar", "الوطن", 300, "زيادة الرحلات بين دمشق وأبو ظبي إلى 14 أسبوعيا",
     "اتفق الجانبان على رفع عدد الرحلات الجوية بين البلدين بحسب مصدر في الوفد السوري المرافق."),

    # P02: an Israeli strike on an air defence site near Jableh, on the coast.
    ("P02", "en", "Damascus Today", 0, "Blasts shake Jableh as jets hit coastal air defence site",
     "Several strong explosions were heard around Jableh late on Monday, and witnesses saw flames "
     "rising from a military site south of the city."),
    ("P02", "en", "Middle East Monitor Desk", 60, "Israel confirms strike on Syrian coast",
     "The Israeli military said its aircraft had struck surface-to-air missile launchers that it "
     "said threatened its freedom of action."),
    ("P02", "en", "Beirut Observer", 420, "Three soldiers killed in Jableh attack, monitor says",
     "A war monitor said three Syrian soldiers died and five were wounded, and that a radar was "
     "destroyed in the attack."),
    ("P02", "ar", "تلفزيون سوريا", 10, "انفجارات قوية في جبلة إثر غارات إسرائيلية",
     "سمع دوي عدة انفجارات في محيط مدينة جبلة ليل الاثنين وشوهدت النيران تتصاعد من موقع عسكري جنوبها."),
    ("P02", "ar", "الجزيرة نت", 25, "عاجل: غارات إسرائيلية على الساحل السوري",
     "غارات إسرائيلية تستهدف موقعا للدفاع الجوي على الساحل السوري."),
    ("P02", "ar", "المدن", 440, "مقتل ثلاثة جنود في القصف الإسرائيلي على جبلة",
     "قال مرصد حقوقي إن ثلاثة جنود سوريين قتلوا وأصيب خمسة آخرون ودمر رادار في الهجوم."),

    # P03: the electricity ministry extends supply hours after a gas shipment; no alias but Syria.
    ("P03", "en", "Northern Agency", 0, "Syria extends daily power supply to ten hours",
     "Homes in Damascus and Aleppo will receive electricity for ten hours a day instead of six, the "
     "electricity ministry said on Tuesday, after a gas shipment reached the power stations."),
    ("P03", "en", "Damascus Today", 150, "Residents welcome longer hours of electricity",
     "Shop owners in the capital said longer supply would let them run fridges and cut spending on "
     "private generators."),
    ("P03", "en", "Levant Wire", 1260, "Power cuts persist in Aleppo suburbs despite promise",
     "People in the eastern districts of Aleppo said on Wednesday the extra hours of electricity had "
     "not reached them, blaming damaged cables."),
    ("P03", "ar", "سانا", 20, "وزارة الكهرباء: رفع ساعات التغذية إلى عشر ساعات يوميا",
     "أعلنت وزارة الكهرباء زيادة ساعات التغذية الكهربائية في دمشق وحلب بعد وصول شحنة الغاز إلى "
     "محطات التوليد."),
    ("P03", "ar", "عنب بلدي", 200, "تحسن الكهرباء يخفف أعباء الأمبيرات",
     "قال أصحاب محلات في دمشق إن زيادة ساعات الكهرباء ستخفض ما يدفعونه لأصحاب المولدات."),
    ("P03", "ar", "الشرق الأوسط", 260, "سوريا: تقنين أقل بعد وصول الغاز",
     "خففت الحكومة السورية برنامج التقنين الكهربائي مع تحسن إمدادات الغاز لمحطات التوليد."),
    ("P03", "ar", "تلفزيون سوريا", 1300, "أحياء في حلب خارج التحسن الكهربائي",
     "اشتكى سكان الأحياء الشرقية في حلب من أن ساعات الكهرباء الإضافية لم تصلهم بسبب تضرر الكابلات."),

    # P04: the next night, an Israeli strike on a radar near Tartus.
    ("P04", "en", "Gulf Daily", 0, "Israeli jets strike radar station near Tartus",
     "Israeli aircraft hit a radar installation on a hill outside Tartus on Tuesday night, the "
     "second attack on the Syrian coast in as many days."),
    ("P04", "en", "Anatolia News English", 120, "No casualties in Tartus raid, Syrian army says",
     "The Syrian army said the strike caused material damage only, and that air defences had "
     "intercepted part of the missiles over the sea."),
    ("P04", "en", "Tehran Times English", 500, "Russia voices concern over strike close to its naval base",
     "Moscow said the attack near Tartus, where its fleet keeps a supply point, endangered its "
     "personnel, and asked Israel for explanations."),
    ("P04", "ar", "الجزيرة نت", 15, "غارة إسرائيلية على محطة رادار قرب طرطوس",
     "استهدفت طائرات إسرائيلية محطة رادار على تلة قرب مدينة طرطوس مساء الثلاثاء في ثاني هجوم على "
     "الساحل خلال يومين."),
    ("P04", "ar", "الوطن", 140, "الجيش السوري: أضرار مادية فقط في العدوان على طرطوس",
     "أعلنت القيادة العامة أن الدفاعات الجوية تصدت لعدد من الصواريخ فوق البحر وأن الأضرار اقتصرت على "
     "الماديات."),
    ("P04", "ar", "النهار", 520, "موسكو قلقة من قصف قرب قاعدتها البحرية",
     "عبرت روسيا عن قلقها من الهجوم قرب طرطوس حيث يحتفظ أسطولها بنقطة إمداد، وطلبت توضيحات من "
     "إسرائيل."),

    # P05: an Emirati company to run Tartus port, two days after P01 (same actors, same port as P04).
    ("P05", "en", "Levant Wire", 0, "Emirati firm wins 30-year concession for Tartus port",
     "AD Ports Group will run and expand the Syrian port of Tartus under a deal signed in Damascus "
     "on Wednesday, the transport ministry said."),
    ("P05", "en", "Middle East Monitor Desk", 180, "Tartus dock workers fear for their jobs",
     "The port's union asked the government to guarantee that its 1,200 members keep their posts "
     "under the new Emirati operator."),
    ("P05", "en", "Amman Post", 330, "Port deal is the largest Gulf investment in Syria since 2024",
     "Analysts said the agreement, worth 800 million dollars over its first decade, showed Abu Dhabi "
     "moving from promises to contracts."),
    ("P05", "ar", "سانا", 20, "توقيع عقد تشغيل مرفأ طرطوس مع شركة إماراتية",
     "وقعت وزارة النقل في دمشق عقدا مع مجموعة موانئ أبو ظبي لتشغيل وتوسيع مرفأ طرطوس لمدة ثلاثين "
     "عاما."),
    ("P05", "ar", "المدن", 200, "عمال مرفأ طرطوس قلقون على وظائفهم",
     "طالبت نقابة عمال المرفأ الحكومة السورية بضمان بقاء 1200 عامل في مواقعهم مع المشغل الجديد."),
    ("P05", "ar", "الشرق الأوسط", 360, "أكبر استثمار خليجي في سوريا منذ سنوات",
     "يرى محللون أن العقد البالغة قيمته 800 مليون دولار يظهر انتقال الإمارات من الوعود إلى التنفيذ."),

    # P06: a Turkish drone strike near Ras al-Ain on an SDF vehicle.
    ("P06", "en", "Anatolia News English", 0, "Turkish drone hits SDF vehicle near Ras al-Ain",
     "A Turkish armed drone struck a vehicle carrying SDF fighters on the outskirts of Ras al-Ain on "
     "Thursday morning, security sources said."),
    ("P06", "en", "Syria Direct Desk", 140, "Kurdish-led force says two fighters killed in drone attack",
     "The SDF said two of its members died when their pickup was hit west of the town, and accused "
     "Ankara of undermining a ceasefire."),
    ("P06", "en", "Northern Agency", 400, "Families flee villages west of Ras al-Ain after strike",
     "Dozens of families left farming villages along the frontier for Hasakah, fearing more drone "
     "attacks, local officials said."),
    ("P06", "ar", "عنب بلدي", 30, "مسيرة تركية تستهدف سيارة لقسد قرب رأس العين",
     "استهدفت طائرة مسيرة تركية سيارة تقل عناصر من قسد على أطراف مدينة رأس العين صباح الخميس."),
    ("P06", "ar", "تسنيم", 160, "قسد: مقتل اثنين من مقاتلينا بضربة تركية",
     "أعلنت قوات سوريا الديمقراطية مقتل اثنين من عناصرها واتهمت أنقرة بتقويض التهدئة."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Beirut Observer", 35, "verbatim"),
    (14, "Gulf Daily", 45, "credited"),
    (21, "Amman Post", 30, "verbatim"),
    (26, "Damascus Today", 60, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "p", "heldout4.json")


if __name__ == "__main__":
    main()
