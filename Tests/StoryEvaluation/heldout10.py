#!/usr/bin/env python3
"""Builds heldout10.json, the tenth held-out part of Herald's story evaluation set.

Written and committed before the eighth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of November 2026 in near misses on the same actors, places and hours: the foreign
minister in Athens with his Greek and Cypriot counterparts, and the foreign minister and the US
envoy in Erbil with the SDF's commander two days later; an Israeli incursion into Jubata
al-Khashab, in the Quneitra countryside, and the killing of the Tafas town council head in the
Daraa countryside the same night; a contract to rebuild the Homs refinery, and flash floods in
Homs three days later (a story no alias of the desk names). Places spelled more than one way
(Erbil, Arbil, Hawler, أربيل, هولير; Jubata al-Khashab, Jubbata al-Khashab; Tafas, Tafs; Homs,
Hims), headlines that open on their place, a few short flashes, reports that name no place, and
an outlet of this part's own. Run it again and it writes the same file (`python3 heldout10.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["نبض حمص"]

# Story id -> when its first report appears.
STARTS = {
    "W01": datetime(2026, 11, 3, 8, tzinfo=timezone.utc),     # Shaibani in Athens (Greece, Cyprus)
    "W02": datetime(2026, 11, 5, 9, tzinfo=timezone.utc),     # Shaibani and Barrack in Erbil with the SDF
    "W03": datetime(2026, 11, 9, 19, 30, tzinfo=timezone.utc),  # Israeli incursion into Jubata al-Khashab
    "W04": datetime(2026, 11, 9, 20, 15, tzinfo=timezone.utc),  # Tafas council head shot dead
    "W05": datetime(2026, 11, 15, 8, tzinfo=timezone.utc),    # contract to rebuild the Homs refinery
    "W06": datetime(2026, 11, 18, 1, tzinfo=timezone.utc),    # flash floods in Homs (no desk alias)
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # W01: the foreign minister in Athens with his Greek and Cypriot counterparts.
    ("W01", "en", "Levant Wire", 0, "Shaibani in Athens for talks with Greek, Cypriot ministers",
     "Syria's foreign minister Asaad al-Shaibani arrived in Athens on Tuesday for a three-way meeting "
     "with his Greek and Cypriot counterparts, Giorgos Gerapetritis and Constantinos Kombos, the Greek "
     "foreign ministry said."),
    ("W01", "ar", "سانا", 25, "الشيباني يصل إلى أثينا في أول زيارة من نوعها منذ 2011",
     "وصل وزير الخارجية والمغتربين أسعد الشيباني صباح اليوم الثلاثاء إلى العاصمة اليونانية، حيث "
     "يعقد لقاء ثلاثيا مع وزيري خارجية اليونان جيورجوس جيرابيتريتيس وقبرص كونستانتينوس كومبوس "
     "يتناول التعاون في شرق المتوسط."),
    ("W01", "en", "Gulf Daily", 180, "Greece, Cyprus press Damascus on migrant boats and sea lines",
     "Greece and Cyprus asked Syria to stop smugglers' boats leaving its coast for Crete and Cyprus, "
     "and to open negotiations on where their maritime zones meet, officials said after the talks."),
    ("W01", "ar", "الشرق الأوسط", 200, "أثينا ونيقوسيا تطلبان من دمشق التشدد مع قوارب الهجرة",
     "طالب الجانبان اليوناني والقبرصي بتشديد الرقابة على الساحل السوري للحد من انطلاق قوارب "
     "المهاجرين نحو كريت وقبرص، وبالشروع في مفاوضات لترسيم المناطق البحرية، بحسب مصدر دبلوماسي "
     "حضر اللقاء."),
    ("W01", "ar", "الجزيرة نت", 260, "اليونان تعيد فتح سفارتها وتدرس خط عبارات إلى اللاذقية",
     "أعلن وزير الخارجية اليوناني في مؤتمر صحفي مشترك أن بلاده ستستأنف عمل سفارتها في دمشق مطلع "
     "العام المقبل، وأن شركات ملاحة يونانية تدرس تسيير عبارات للركاب والبضائع بين ميناء بيرايوس "
     "واللاذقية."),
    ("W01", "en", "Beirut Observer", 1500, "Analysis: Damascus turns west across the Mediterranean",
     "Tuesday's meeting gave Athens and Nicosia the promises on migration they wanted; the harder "
     "question of sea lines, with Ankara watching every move around Cyprus, was handed to committees, "
     "diplomats in the Greek capital say."),

    # W02: two days later, the foreign minister and the US envoy in Erbil with the SDF's commander.
    ("W02", "ar", "تلفزيون سوريا", 0, "الشيباني وبراك في أربيل لبحث دمج قسد",
     "وصل وزير الخارجية أسعد الشيباني والمبعوث الأمريكي توم براك إلى أربيل للقاء رئيس إقليم "
     "كردستان العراق نيجيرفان بارزاني وقائد قوات سوريا الديمقراطية مظلوم عبدي، في مسعى لتحريك "
     "اتفاق دمج القوات في مؤسسات الدولة المتعثر منذ أشهر."),
    ("W02", "en", "Anatolia News English", 30, "Shaibani, Barrack meet SDF chief in Iraq's Kurdistan region",
     "Syrian Foreign Minister Asaad al-Shaibani and US envoy Tom Barrack met SDF commander Mazloum Abdi "
     "in Erbil on Thursday at the invitation of Kurdistan Region President Nechirvan Barzani, two "
     "sources familiar with the talks said."),
    ("W02", "en", "Damascus Today", 180, "Erbil meeting sets date for oil fields handover",
     "The Omar and Tanak fields east of the Euphrates will pass to the energy ministry by the end of "
     "January, and SDF fighters will join the army as three divisions, a government source said after "
     "the meeting."),
    ("W02", "ar", "العربية", 210, "الإدارة الذاتية: لقاء أربيل إيجابي والضمانات الدستورية معلقة",
     "وصفت الرئاسة المشتركة للإدارة الذاتية في بيان اللقاء الذي احتضنته عاصمة الإقليم بالإيجابي، "
     "لكنها قالت إن ضمان حقوق الكرد في الدستور وصلاحيات المجالس المحلية لم يحسما بعد."),
    ("W02", "ar", "تسنيم", 420, "براك في هولير.. واشنطن ترسم خريطة شرق الفرات",
     "رأى محللون أن الاجتماع الذي رعاه المبعوث الأمريكي يهدف إلى تثبيت النفوذ الأمريكي في المنطقة "
     "الغنية بالنفط تحت غطاء دمج قسد، في ظل بقاء القوات الأمريكية قرب الحقول."),
    ("W02", "en", "Middle East Monitor Desk", 1380, "Kurdish language, local councils left out of Arbil deal",
     "Kurdish parties said on Friday the Arbil understanding dealt with oil and troops but said nothing "
     "of Kurdish-language schooling or elected councils, the issues they say matter most to people in "
     "Qamishli and Kobani."),

    # W03: an Israeli incursion into Jubata al-Khashab, in the northern Quneitra countryside.
    ("W03", "ar", "عنب بلدي", 0, "توغل إسرائيلي في جباتا الخشب بريف القنيطرة الشمالي",
     "توغلت قوة إسرائيلية مؤلفة من أربع دبابات وعدة عربات عسكرية مساء الاثنين في بلدة جباتا الخشب، "
     "وداهمت عددا من المنازل واعتقلت ثلاثة شبان، بحسب مراسل عنب بلدي في المنطقة."),
    ("W03", "en", "Northern Agency", 10, "Flash: Israeli tanks enter Jubbata al-Khashab",
     "Residents report house searches."),
    ("W03", "en", "Syria Direct Desk", 30, "Israeli troops raid village in northern Quneitra, detain three",
     "Israeli forces backed by tanks pushed into Jubata al-Khashab in the northern Quneitra countryside "
     "on Monday evening, searching homes and detaining three young men, local sources said."),
    ("W03", "en", "Middle East Monitor Desk", 140, "Israeli army says it detained weapons smuggling suspects",
     "The military said troops operated overnight to detain suspects involved in smuggling weapons, "
     "found rifles and ammunition in one of the houses and transferred the three for questioning."),
    ("W03", "ar", "النهار", 660, "جباتا الخشب: جرافات إسرائيلية تجرف بساتين البلدة",
     "قال أهالي البلدة إن الجرافات التي رافقت القوة جرفت صباح الثلاثاء بساتين تفاح وكرز على "
     "أطرافها الغربية، وإن الجنود أفرجوا عن اثنين من المعتقلين بعد التحقيق معهما."),
    ("W03", "ar", "سانا", 740, "الخارجية تدين التوغل الإسرائيلي في ريف القنيطرة",
     "دانت وزارة الخارجية والمغتربين توغل قوات الاحتلال في بلدة جباتا الخشب واعتقال مدنيين من "
     "أهلها، معتبرة ذلك انتهاكا جديدا لاتفاقية فصل القوات لعام 1974، ودعت قوة الأمم المتحدة إلى "
     "القيام بدورها."),

    # W04: the same night, the head of the Tafas town council shot dead in the Daraa countryside.
    ("W04", "en", "Levant Wire", 0, "Gunmen kill town council head in Syria's Daraa province",
     "Gunmen on a motorcycle shot dead Suleiman al-Ghazawi, head of the Tafas town council, outside his "
     "home on Monday night, a local official said, the latest in a string of killings in the western "
     "Daraa countryside."),
    ("W04", "ar", "المدن", 20, "اغتيال رئيس مجلس بلدة طفس بريف درعا الغربي",
     "اغتال مسلحون مجهولون يستقلون دراجة نارية رئيس مجلس بلدة طفس سليمان الغزاوي أمام منزله مساء "
     "الاثنين، ولاذوا بالفرار، بحسب مصادر محلية."),
    ("W04", "ar", "العربية", 45, "عاجل | مقتل رئيس مجلس طفس بإطلاق نار",
     "مسلحون أطلقوا النار عليه أمام منزله."),
    ("W04", "ar", "الوطن", 300, "الأمن الداخلي يطلق حملة تمشيط في محيط طفس",
     "أعلنت قيادة الأمن الداخلي في محافظة درعا بدء حملة تمشيط في محيط المدينة وطرقها الزراعية "
     "بحثا عن منفذي عملية الاغتيال، وأقامت حواجز مؤقتة على مداخلها."),
    ("W04", "en", "Amman Post", 840, "Tafs residents block road to demand killers be caught",
     "Dozens of people burned tyres on the main road through the town on Tuesday morning, saying they "
     "would not accept another killing without arrests."),
    ("W04", "en", "Beirut Observer", 1480, "Analysis: Daraa's quiet killings outlast the war",
     "On the night an Israeli column entered a Quneitra village a few kilometres away, the killing of "
     "a council chief in Tafas showed how little has changed in the western countryside, where men on "
     "motorcycles shoot local figures and are rarely found."),

    # W05: a contract to rebuild the Homs refinery.
    ("W05", "en", "Northern Agency", 0, "Syria signs deal with Azerbaijan's SOCAR to rebuild Homs refinery",
     "Syria's energy ministry signed a contract with Azerbaijan's state oil company SOCAR on Sunday to "
     "modernise the Homs refinery and raise its capacity to 150,000 barrels a day, the ministry said."),
    ("W05", "ar", "سانا", 20, "توقيع عقد لتأهيل مصفاة حمص ورفع طاقتها التكريرية",
     "وقعت وزارة الطاقة في دمشق اليوم عقدا مع شركة سوكار الأذربيجانية لتأهيل مصفاة حمص وتحديث "
     "وحداتها، بما يرفع طاقتها إلى 150 ألف برميل يوميا خلال ثلاث سنوات."),
    ("W05", "ar", "العربية", 150, "وزير الطاقة: المصفاة ستغطي ثلث حاجة السوق من المشتقات",
     "قال وزير الطاقة محمد البشير إن المصفاة ستنتج بعد تأهيلها البنزين والمازوت بكميات تغطي نحو "
     "ثلث الاستهلاك المحلي، ما يخفف فاتورة الاستيراد، مضيفا أن قيمة العقد تقارب 600 مليون دولار."),
    ("W05", "en", "Gulf Daily", 240, "Homs refinery workers ask what the deal means for their jobs",
     "Staff at the plant, built in 1959, said nobody had told them whether the Azerbaijani company "
     "would keep its 3,000 employees, and their union asked the ministry for guarantees."),
    ("W05", "en", "Anatolia News English", 330, "Azerbaijani crude to feed rebuilt Syrian refinery via Ceyhan",
     "Oil for the plant will come through the Baku-Tbilisi-Ceyhan pipeline and then by tanker to "
     "Baniyas, an Azerbaijani energy official said, under terms that let SOCAR take part of the output "
     "as payment."),
    ("W05", "ar", "عنب بلدي", 1440, "ماذا نعرف عن عقد مصفاة حمص؟",
     "يعد العقد الأكبر في قطاع النفط منذ سقوط النظام السابق، ويشمل استبدال وحدات التقطير القديمة "
     "وبناء وحدة لمعالجة الغاز، على أن تسدد كلفته من حصة من إنتاج المصفاة على مدى عشر سنوات، وفق "
     "نسخة من العقد اطلعت عليها عنب بلدي."),

    # W06: three days later, flash floods in Homs; no report names an alias of the desk.
    ("W06", "en", "Levant Wire", 0, "Flash floods hit Homs after night of heavy rain, boy drowned",
     "Torrential rain overnight flooded streets and basements across Homs, and a seven-year-old boy "
     "drowned after being swept into a drainage channel in the al-Waer district, the civil defence "
     "said on Wednesday."),
    ("W06", "ar", "نبض حمص", 15, "سيول تغمر أحياء في حمص ووفاة طفل غرقا",
     "غمرت مياه الأمطار الغزيرة التي هطلت ليلا شوارع أحياء الوعر وبابا عمرو والإنشاءات، وتوفي طفل "
     "في السابعة من عمره بعد أن جرفته السيول إلى قناة تصريف، بحسب الدفاع المدني."),
    ("W06", "en", "Middle East Monitor Desk", 60, "Flash: boy, 7, drowned as flood water sweeps city streets",
     "Civil defence teams are pumping water out of basements."),
    ("W06", "ar", "المدن", 200, "أهالي الوعر: مجاري التصريف مسدودة منذ سنوات",
     "حمّل سكان في الحي البلدية مسؤولية ما جرى، قائلين إن قنوات تصريف مياه الأمطار مسدودة بالأتربة "
     "والأنقاض منذ سنوات، وإن شكاواهم المتكررة لم تلق أي استجابة."),
    ("W06", "en", "Gulf Daily", 260, "Orontes bursts its banks west of Hims, farms under water",
     "The Orontes overflowed near Hims at dawn, flooding fields and greenhouses in villages west of the "
     "city, and the irrigation directorate opened the gates of the Qattinah dam to ease the pressure."),
    ("W06", "ar", "الشرق الأوسط", 1400, "محافظ حمص يعد بتعويض المتضررين من السيول",
     "أعلن المحافظ تشكيل لجنة لحصر الأضرار في المنازل والمحال والأراضي الزراعية، ووعد بصرف تعويضات "
     "للمتضررين، فيما قدرت مديرية الزراعة المساحات التي غمرتها المياه بنحو ألفي دونم."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Damascus Today", 35, "verbatim"),
    (12, "تلفزيون سوريا", 25, "credited"),
    (18, "Tehran Times English", 45, "verbatim"),
    (25, "الوطن", 30, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "w", "heldout10.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
