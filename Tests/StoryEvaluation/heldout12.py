#!/usr/bin/env python3
"""Builds heldout12.json, the twelfth held-out part of Herald's story evaluation set.

Written and committed before the tenth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of December 2026 in near misses on the same actors, places and hours: Spain's
foreign minister in Damascus to reopen his embassy, and the foreign minister Shaibani at the
Mediterranean Dialogues in Rome three days later; Israeli strikes on the former 9th Division base
near al-Sanamayn, in the northern Daraa countryside, and an explosion of unclear cause in a block of
flats in Qudsaya, west of Damascus, two nights later; a snowstorm over the displacement camps
around Azaz, in the northern Aleppo countryside, and the Siyasiyeh bridge over the Euphrates
reopened in Deir ez-Zor three days later (a story no alias of the desk names). Places spelled more
than one way (Sanamayn, Sanamein, al-Sanamein, الصنمين; Qudsaya, Qudssaya, قدسيا; Azaz, A'zaz,
Aazaz, اعزاز, أعزاز; Deir ez-Zor, Deir al-Zour, Deir Ezzor; Siyasiyeh, Siyasiya, السياسية),
headlines that open on their place, a few short flashes, reports that name no place, and an outlet
of this part's own. Run it again and it writes the same file (`python3 heldout12.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["أخبار الضفتين"]

# Story id -> when its first report appears.
STARTS = {
    "Y01": datetime(2026, 12, 7, 8, 30, tzinfo=timezone.utc),    # Spain's foreign minister in Damascus
    "Y02": datetime(2026, 12, 10, 9, 30, tzinfo=timezone.utc),   # Shaibani at the MED Dialogues in Rome
    "Y03": datetime(2026, 12, 14, 22, 10, tzinfo=timezone.utc),  # Israeli strikes near al-Sanamayn
    "Y04": datetime(2026, 12, 16, 20, 15, tzinfo=timezone.utc),  # explosion of unclear cause in Qudsaya
    "Y05": datetime(2026, 12, 19, 4, 30, tzinfo=timezone.utc),   # snowstorm over the camps around Azaz
    "Y06": datetime(2026, 12, 22, 8, tzinfo=timezone.utc),       # Siyasiyeh bridge reopened (no desk alias)
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # Y01: Spain's foreign minister in Damascus to reopen the embassy.
    ("Y01", "en", "Levant Wire", 0, "Spain's foreign minister arrives in Damascus to reopen embassy",
     "Spanish Foreign Minister Jose Manuel Albares arrived in Damascus on Monday, the first visit by a "
     "Spanish foreign minister since the war began, and will raise the flag again over an embassy shut "
     "since 2012, his ministry said."),
    ("Y01", "ar", "سانا", 45, "الرئيس الشرع يستقبل وزير الخارجية الإسباني والوفد المرافق له",
     "استقبل رئيس الجمهورية أحمد الشرع في قصر الشعب وزير الخارجية والاتحاد الأوروبي والتعاون "
     "الإسباني خوسيه مانويل ألباريس، بحضور وزير الخارجية والمغتربين أسعد الشيباني، وتناول اللقاء "
     "العلاقات الثنائية وآفاق التعاون في إعادة الإعمار والتعليم العالي."),
    ("Y01", "ar", "الشرق الأوسط", 130, "مدريد تعيد فتح سفارتها في دمشق بعد أربعة عشر عاما",
     "رفع وزير الخارجية الإسباني علم بلاده فوق مبنى السفارة في حي أبو رمانة، معلنا تعيين قائم "
     "بالأعمال إلى حين تسمية سفير، ومؤكدا أن إسبانيا ستدفع داخل الاتحاد الأوروبي نحو دعم أكبر "
     "للمرحلة الانتقالية."),
    ("Y01", "en", "Gulf Daily", 200, "Albares pledges 25 million euros and scholarships after meeting Shaibani",
     "Spain will give 25 million euros next year for water networks and schools and offer 100 "
     "university places to Syrian students, Albares told a joint news conference with his Syrian "
     "counterpart Asaad al-Shaibani."),
    ("Y01", "ar", "تلفزيون سوريا", 420, "ألباريس في دمشق القديمة: إسبانيا تعرض خبرتها في البحث عن المفقودين",
     "اختتم وزير الخارجية الإسباني زيارته بجولة في الجامع الأموي وسوق الحميدية، ثم التقى ممثلات عن "
     "روابط عائلات المفقودين، وقال إن بلاده مستعدة لنقل خبرتها في فتح المقابر الجماعية والتعرف على "
     "الرفات، وهي خبرة اكتسبتها من مقابر حربها الأهلية."),
    ("Y01", "en", "Beirut Observer", 1380, "Analysis: Madrid comes late, but with an offer few can make",
     "Spain was slow to return to Damascus, but Albares arrived with money, an embassy and help in "
     "opening mass graves, drawing on Spain's own reckoning with its civil war dead, and with an eye "
     "on contracts for Spanish builders once rebuilding starts in earnest."),

    # Y02: three days later, the foreign minister at the Mediterranean Dialogues in Rome.
    ("Y02", "ar", "العربية", 0, "الشيباني يصل روما للمشاركة في منتدى حوارات المتوسط",
     "وصل وزير الخارجية والمغتربين أسعد الشيباني إلى العاصمة الإيطالية للمشاركة في الدورة الثانية "
     "عشرة من منتدى حوارات المتوسط، الذي يجمع على مدى ثلاثة أيام وزراء ومسؤولين من ضفتي البحر."),
    ("Y02", "en", "Anatolia News English", 60, "Shaibani tells Rome forum Syria needs 'investors, not pity'",
     "Syria's foreign minister told the MED Dialogues conference in Rome on Thursday that his country "
     "needed investment in power and housing more than aid, and urged European governments to stop "
     "treating Syrians only as a migration problem."),
    ("Y02", "en", "Middle East Monitor Desk", 150, "Italy's Tajani hosts Syrian minister on conference sidelines",
     "Italian Foreign Minister Antonio Tajani met Asaad al-Shaibani on the margins of the forum, and "
     "the two discussed Italian companies' interest in Latakia port and a ferry link to Bari, Italy's "
     "foreign ministry said."),
    ("Y02", "ar", "المدن", 300, "الشيباني وعطاف على هامش حوارات المتوسط: خطوة لطي القطيعة",
     "التقى وزير الخارجية أسعد الشيباني نظيره الجزائري أحمد عطاف في روما، في أول لقاء بين الرجلين "
     "منذ سقوط النظام السابق، وبحثا بحسب مصدر دبلوماسي إعادة السفيرين واستئناف الرحلات الجوية بين "
     "البلدين."),
    ("Y02", "ar", "تسنيم", 480, "الشيباني في روما.. كلام للغرب وصمت عن الاحتلال",
     "انتقدت أوساط في محور المقاومة كلمة وزير الخارجية السوري أمام المنتدى، معتبرة أنه تجاهل "
     "الاعتداءات الإسرائيلية المتواصلة على الجنوب، وقدم بلاده سوقا مفتوحة للشركات الغربية."),
    ("Y02", "en", "Amman Post", 1500, "Analysis: Shaibani's Mediterranean pitch, days after Madrid's return",
     "Coming three days after Spain reopened its embassy in Damascus, Shaibani's speech in Rome was "
     "aimed squarely at southern Europe: ports, ferries, power plants and a promise that Syrians who "
     "go home would find work. Italian officials were warm; no money was pledged."),

    # Y03: Israeli strikes on the former 9th Division base near al-Sanamayn.
    ("Y03", "ar", "العربية", 0, "عاجل | انفجارات عنيفة في محيط الصنمين بريف درعا الشمالي",
     "أنباء عن غارات جوية."),
    ("Y03", "en", "Syria Direct Desk", 30, "Israeli jets strike former army base near Sanamein",
     "Israeli warplanes struck the old headquarters of the 9th Division near al-Sanamein in northern "
     "Daraa province overnight, hitting tunnels and depots, two local sources and a war monitor said."),
    ("Y03", "ar", "عنب بلدي", 60, "غارات إسرائيلية تستهدف مقر الفرقة التاسعة سابقا قرب الصنمين",
     "استهدفت طائرات حربية إسرائيلية بعد منتصف الليل مواقع في محيط مدينة الصنمين كانت تتبع للفرقة "
     "التاسعة في جيش النظام البائد، وقال مراسلنا إن ألسنة اللهب شوهدت من بلدتي جاسم وإنخل."),
    ("Y03", "en", "Levant Wire", 150, "Israeli military says it hit arms stores left by former army",
     "The Israeli military said its jets had struck weapons stores and underground facilities that "
     "belonged to the former regime, to keep them out of hostile hands, and that it would go on acting "
     "to protect Israeli civilians."),
    ("Y03", "ar", "الوطن", 480, "محافظ درعا: لا إصابات في الغارات الإسرائيلية على محيط الصنمين",
     "قال محافظ درعا إن الغارات ألحقت أضرارا بعدد من المنازل في الحي الشمالي للمدينة دون تسجيل "
     "إصابات بشرية، وإن فرق الدفاع المدني عملت حتى ساعات الصباح على إخماد الحرائق في الموقع."),
    ("Y03", "en", "Middle East Monitor Desk", 780, "Sanamayn residents count cracked walls after night of blasts",
     "Families on the northern edge of Sanamayn, beside the Damascus-Daraa highway, said they spent "
     "the night in basements as the blasts went on for nearly an hour; by morning they were sweeping "
     "up glass and filming the cracks in their walls."),

    # Y04: two nights later, an explosion of unclear cause in Qudsaya.
    ("Y04", "en", "Northern Agency", 0, "Flash: loud explosion heard west of Damascus",
     "Residents of several districts report windows shaking."),
    ("Y04", "ar", "المدن", 20, "انفجار ضخم يهز مدينة قدسيا في ريف دمشق",
     "هز انفجار ضخم مساء الأربعاء مبنى سكنيا في حي الجمعيات بمدينة قدسيا، ما أدى إلى انهيار أجزاء "
     "منه، وسط أنباء أولية عن سقوط ضحايا، ولم تعرف أسباب الانفجار حتى الآن."),
    ("Y04", "en", "Damascus Today", 70, "Four dead as blast brings down part of building in Qudssaya",
     "At least four people were killed and 11 wounded when an explosion tore through a residential "
     "building in Qudssaya, on the western edge of the capital, the civil defence said, as rescuers "
     "dug through the rubble with their hands."),
    ("Y04", "ar", "سانا", 180, "الداخلية: انفجار قدسيا نجم عن ذخائر مخزنة داخل شقة سكنية",
     "أعلنت وزارة الداخلية أن التحقيقات الأولية تشير إلى أن الانفجار نجم عن كمية من الذخائر "
     "والمتفجرات كان يخزنها عنصر سابق في إحدى الميليشيات في شقة بالطابق الأرضي، وأنه جرى توقيف "
     "شخصين على ذمة التحقيق."),
    ("Y04", "ar", "الجزيرة نت", 420, "شهود في قدسيا: سمعنا صوت مسيرة قبل الانفجار",
     "روى سكان في الحي أنهم سمعوا أزيز طائرة مسيرة قبل دقائق من الانفجار، في حين قال متحدث باسم "
     "الجيش الإسرائيلي إنه لا علم له بالحادث، ولم تعلن أي جهة مسؤوليتها حتى صباح الخميس."),
    ("Y04", "en", "Beirut Observer", 1400, "Analysis: after Qudsaya, the weapons still hidden in homes",
     "Two nights after Israeli jets hit the old 9th Division base near Sanamein, the blast west of the "
     "capital was, by the interior ministry's account, home-grown: the legacy of arms stashed across "
     "the suburbs when the old army melted away. Many residents are not convinced."),

    # Y05: a snowstorm over the displacement camps around Azaz.
    ("Y05", "ar", "تلفزيون سوريا", 0, "عاصفة ثلجية تضرب مخيمات ريف حلب الشمالي وتهدم عشرات الخيام",
     "تساقطت الثلوج بكثافة منذ فجر السبت على مخيمات النازحين في محيط مدينة اعزاز وقرب معبر باب "
     "السلامة، وانهارت عشرات الخيام تحت ثقلها، فيما عملت فرق الدفاع المدني على فتح الطرق المؤدية "
     "إليها."),
    ("Y05", "en", "Anatolia News English", 40, "Snow flattens tents in camps near Azaz",
     "Heavy snow overnight brought down more than 200 tents in camps around Azaz in northern Aleppo "
     "province, leaving families in the open at minus six degrees, the White Helmets said on Saturday."),
    ("Y05", "ar", "الجزيرة نت", 150, "وفاة رضيعة من البرد في مخيم قرب أعزاز",
     "توفيت رضيعة في شهرها الثامن جراء البرد الشديد في أحد المخيمات العشوائية شمال مدينة أعزاز، "
     "وقال والدها إن العائلة لم تجد ما تشعله للتدفئة ليلة العاصفة سوى أكياس النايلون وأحذية قديمة."),
    ("Y05", "en", "Gulf Daily", 300, "UN says 40,000 displaced hit by winter storm in north-west",
     "The UN humanitarian office said on Saturday that the storm had damaged or destroyed the shelters "
     "of about 40,000 people in northern Syria, and that snow had cut the roads to several camps near "
     "A'zaz."),
    ("Y05", "ar", "عنب بلدي", 420, "منظمات إغاثية: مواد التدفئة في مخيمات الشمال لا تكفي أسبوعا",
     "قالت منظمات إنسانية تعمل في ريف حلب الشمالي إن ما وزعته من حطب ومازوت قبل العاصفة لا يكفي سوى "
     "أيام، مع ارتفاع سعر برميل المازوت في المنطقة إلى نحو 130 دولارا، وطالبت بتمويل عاجل قبل موجة "
     "البرد المقبلة."),
    ("Y05", "en", "Syria Direct Desk", 1440, "Aazaz camp residents dig out as second cold wave forecast",
     "A day after the storm, men in the camps around Aazaz were scraping snow off tent roofs with "
     "plates and shovels, while forecasters warned that another cold wave would arrive by Tuesday."),

    # Y06: three days later, the Siyasiyeh bridge reopened in Deir ez-Zor; no report names an alias
    # of the desk.
    ("Y06", "ar", "أخبار الضفتين", 0, "دير الزور: جسر السياسية يعود إلى الخدمة",
     "افتتح محافظ دير الزور صباح اليوم جسر السياسية على نهر الفرات بعد إعادة تأهيله، ليعود الربط "
     "المباشر بين مركز المدينة وقرى الضفة الشمالية، بعد سنوات اضطر خلالها الأهالي إلى العبور "
     "بالعبارات النهرية أو سلوك طرق التفافية طويلة."),
    ("Y06", "en", "Northern Agency", 30, "Deir ez-Zor's Siyasiyeh bridge reopens to traffic",
     "The rebuilt Siyasiyeh bridge over the Euphrates in Deir ez-Zor reopened to cars and lorries on "
     "Tuesday, ending years in which people crossed between the city and the villages of the north "
     "bank by ferry or a long detour, the governor's office said."),
    ("Y06", "en", "Gulf Daily", 150, "Deir al-Zour traders expect cheaper vegetables as Euphrates bridge reopens",
     "Wholesalers in Deir al-Zour said the reopened crossing would cut the cost of bringing vegetables "
     "and sheep from the north bank, where ferry owners had charged up to 15 dollars a lorry."),
    ("Y06", "ar", "سانا", 240, "وزير النقل: جسر السياسية أول جسور الفرات المعاد تأهيلها",
     "أكد وزير النقل خلال افتتاح الجسر أن كلفة إعادة تأهيله بلغت نحو تسعة ملايين دولار، وأن الأعمال "
     "ستبدأ مطلع العام المقبل في جسري الميادين والعشارة على النهر نفسه."),
    ("Y06", "ar", "النهار", 400, "فرح على ضفتي الفرات.. أهالي دير الزور يعبرون الجسر سيرا",
     "عبر مئات من أهالي المدينة الجسر سيرا على الأقدام بعد افتتاحه، وحمل بعضهم صورا لأقارب قضوا في "
     "سنوات الحرب، فيما قال أصحاب العبارات إنهم خسروا مصدر رزقهم الوحيد."),
    ("Y06", "en", "Amman Post", 1450, "Explainer: why one bridge matters so much to Deir Ezzor",
     "Before the war the city had five crossings over the Euphrates; by 2018 none was standing. The "
     "Siyasiya bridge reconnects the provincial capital with its farmland and oil villages on the "
     "Jazira bank, and with the road north to Hasakah."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Amman Post", 25, "verbatim"),
    (14, "الشرق الأوسط", 45, "credited"),
    (20, "Middle East Monitor Desk", 35, "verbatim"),
    (33, "الوطن", 20, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "y", "heldout12.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
