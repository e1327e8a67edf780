#!/usr/bin/env python3
"""Builds heldout13.json, the thirteenth held-out part of Herald's story evaluation set.

Written and committed before the eleventh round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of January 2027 in near misses on the same actors, places and hours: Japan's
foreign minister Motegi in Damascus with President Sharaa and the foreign minister Shaibani, and
Sharaa and Shaibani at the World Economic Forum in Davos three days later; Israeli strikes on the
old 12th Brigade base at Izraa, in the Daraa countryside, and gunmen killing two General Security
men at a checkpoint in al-Musayfirah, east of Daraa, the next night; a national measles and polio
vaccination campaign launched from a health centre in Douma, and Douma's main hospital reopened
two days later (a story no alias of the desk names). Places spelled more than one way (Izraa,
Izra', Ezraa, إزرع, ازرع; al-Musayfirah, al-Museifra, المسيفرة, مسيفرة; Douma, Duma, Dumah),
headlines that open on their place, a few short flashes, reports that name no place, and an outlet
of this part's own. Run it again and it writes the same file (`python3 heldout13.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["مرآة حوران"]

# Story id -> when its first report appears.
STARTS = {
    "Z01": datetime(2027, 1, 17, 8, tzinfo=timezone.utc),       # Japan's foreign minister in Damascus
    "Z02": datetime(2027, 1, 19, 17, tzinfo=timezone.utc),      # Sharaa and Shaibani in Davos
    "Z03": datetime(2027, 1, 23, 22, 5, tzinfo=timezone.utc),   # Israeli strikes on the Izraa base
    "Z04": datetime(2027, 1, 24, 20, 40, tzinfo=timezone.utc),  # checkpoint attack in al-Musayfirah
    "Z05": datetime(2027, 1, 25, 7, 30, tzinfo=timezone.utc),   # measles and polio vaccination campaign
    "Z06": datetime(2027, 1, 27, 8, 15, tzinfo=timezone.utc),   # Douma's hospital reopened (no desk alias)
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # Z01: Japan's foreign minister in Damascus.
    ("Z01", "en", "Levant Wire", 0, "Japan's foreign minister lands in Damascus on first visit in 15 years",
     "Japanese Foreign Minister Toshimitsu Motegi arrived in Damascus on Sunday for talks with "
     "President Ahmed al-Sharaa and Foreign Minister Asaad al-Shaibani, the first visit by a Japanese "
     "cabinet minister since Tokyo pulled its diplomats out in 2012, officials said."),
    ("Z01", "ar", "سانا", 50, "الرئيس الشرع يستقبل وزير الخارجية الياباني في قصر الشعب",
     "استقبل رئيس الجمهورية العربية السورية أحمد الشرع اليوم وزير خارجية اليابان توشيميتسو موتيغي "
     "والوفد المرافق له، بحضور وزير الخارجية والمغتربين أسعد الشيباني، وجرى خلال اللقاء بحث سبل "
     "تعزيز العلاقات الثنائية ودعم مشاريع التعافي المبكر في قطاعي الطاقة والمياه."),
    ("Z01", "en", "Gulf Daily", 170, "Tokyo pledges $60 million for power and water after Motegi-Shaibani talks",
     "Japan will channel 60 million dollars through UN agencies this year to repair substations and "
     "pumping stations, Motegi told a joint news conference with his Syrian counterpart, adding that "
     "engineers from the Japan International Cooperation Agency would return to assess the Aleppo "
     "thermal power plant."),
    ("Z01", "ar", "العربية", 260, "طوكيو تعيد طاقمها الدبلوماسي إلى دمشق بعد قطيعة طويلة",
     "أعلن وزير الخارجية الياباني أن بلاده ستعيد فتح سفارتها في العاصمة السورية على مراحل، تبدأ "
     "بإيفاد قائم بالأعمال خلال الربيع المقبل، مشيرا إلى أن القرار جاء بعد تقييم للأوضاع الأمنية "
     "استمر عدة أشهر."),
    ("Z01", "ar", "تلفزيون سوريا", 480, "خبراء يابانيون لتدريب فرق إزالة الألغام في ريفي إدلب وحماة",
     "كشف مصدر في وزارة الخارجية أن التفاهمات مع الجانب الياباني تشمل إرسال فريق من الخبراء لتدريب "
     "كوادر الدفاع المدني على كشف الألغام ومخلفات الحرب، وتزويدها بأجهزة مسح حديثة، في ظل استمرار "
     "سقوط ضحايا بين المزارعين في الأرياف."),
    ("Z01", "en", "Beirut Observer", 1400, "Analysis: Japan's cautious chequebook diplomacy reaches Damascus",
     "Tokyo rarely moves first in the Middle East, and Motegi's trip follows the Europeans rather than "
     "leading them. But Japan brings what the new government lacks most, patient money for engineering "
     "with few political strings, and it wants in return a say in how the grid is rebuilt and a "
     "foothold for its trading houses."),

    # Z02: three days later, Sharaa and Shaibani at the World Economic Forum in Davos.
    ("Z02", "ar", "الجزيرة نت", 0, "الشرع يصل إلى دافوس في أول مشاركة سورية بالمنتدى الاقتصادي العالمي",
     "وصل الرئيس السوري أحمد الشرع مساء الثلاثاء إلى منتجع دافوس السويسري على رأس وفد يضم وزير "
     "الخارجية أسعد الشيباني ووزير الاقتصاد، للمشاركة في الاجتماع السنوي للمنتدى الاقتصادي العالمي "
     "الذي يستمر حتى الجمعة."),
    ("Z02", "en", "Anatolia News English", 1020, "Davos: Sharaa tells investors their profits can leave Syria",
     "President Ahmed al-Sharaa told a panel at the World Economic Forum on Wednesday that foreign "
     "investors would be guaranteed the right to move profits abroad and to settle disputes through "
     "international arbitration, and asked for capital for power stations, ports and housing rather "
     "than more emergency aid."),
    ("Z02", "en", "Middle East Monitor Desk", 1110, "Shaibani meets IMF chief on forum sidelines",
     "Foreign Minister Asaad al-Shaibani met IMF Managing Director Kristalina Georgieva in the Swiss "
     "resort, and the two discussed technical help to rebuild the central bank's statistics and a "
     "possible staff-monitored programme later in the year, the Syrian delegation said."),
    ("Z02", "ar", "الشرق الأوسط", 1200, "لقاءات للشرع مع رؤساء شركات طاقة واتصالات على هامش دافوس",
     "عقد الرئيس السوري سلسلة اجتماعات مغلقة مع مسؤولين تنفيذيين في شركات أوروبية وخليجية تعمل في "
     "توليد الكهرباء والاتصالات والموانئ، وقال مصدر في الوفد إن بعض هذه الشركات أبدى استعدادا "
     "لإرسال فرق فنية إلى سوريا خلال الأسابيع المقبلة."),
    ("Z02", "ar", "تسنيم", 1380, "الشرع في دافوس.. خطاب على مقاس المستثمرين الغربيين",
     "رأى معلقون في وسائل إعلام قريبة من محور المقاومة أن مشاركة الرئيس السوري في منتدى النخب "
     "المالية العالمية تكرس ارتهان دمشق لشروط المؤسسات الغربية، لافتين إلى أنه لم يأت في كلمته على "
     "ذكر الجولان المحتل ولا التوغلات الإسرائيلية المتواصلة في الجنوب."),
    ("Z02", "en", "Amman Post", 2220, "Analysis: after Tokyo's engineers, Sharaa takes his pitch to the Alps",
     "Three days after Japan's foreign minister came to Damascus with money for substations, Sharaa "
     "went to Davos to ask for far more from people who answer to shareholders, not parliaments. The "
     "hall was full and the questions were polite; the harder ones, about courts, property records "
     "and contracts that outlive a minister, were asked in private."),

    # Z03: Israeli strikes on the old 12th Brigade base at Izraa.
    ("Z03", "ar", "العربية", 0, "عاجل | دوي انفجارات متتالية في محيط إزرع بريف درعا",
     "ترجيحات بغارات جوية إسرائيلية."),
    ("Z03", "en", "Syria Direct Desk", 25, "Israeli jets strike old brigade base outside Izraa",
     "Israeli warplanes hit positions of the disbanded 12th Brigade on the edge of Izraa in Daraa "
     "province after midnight, setting off secondary explosions that went on for several minutes, a "
     "local journalist and a war monitor said."),
    ("Z03", "ar", "عنب بلدي", 70, "غارات إسرائيلية على مواقع اللواء 12 سابقا قرب مدينة إزرع",
     "شنت طائرات حربية إسرائيلية فجر الأحد أربع غارات على مستودعات وتحصينات كانت تتبع للواء الثاني "
     "عشر في جيش النظام السابق شمال مدينة إزرع، وأفاد مراسلنا بأن أصوات الانفجارات سمعت في الشيخ "
     "مسكين ونوى، وبأن سيارات الإسعاف توجهت إلى المكان."),
    ("Z03", "en", "Levant Wire", 160, "Israeli military says it hit weapons sites left by Assad's army",
     "The Israeli military said on Sunday that its aircraft had struck weapons stores and military "
     "infrastructure of the former regime overnight. It said the sites held rockets and anti-tank "
     "missiles that could fall into hostile hands, and that its forces would keep acting to remove "
     "such threats."),
    ("Z03", "ar", "الوطن", 450, "قائد الأمن الداخلي في درعا: أضرار مادية ولا إصابات في غارات ازرع",
     "أوضح قائد الأمن الداخلي في محافظة درعا أن الغارات طالت مواقع عسكرية مهجورة على الطرف الشمالي "
     "من ازرع، وأسفرت عن أضرار في شبكة الكهرباء وعدد من المنازل القريبة دون وقوع إصابات، مؤكدا أن "
     "فرق الهندسة تعمل على تأمين المنطقة من الذخائر غير المنفجرة."),
    ("Z03", "en", "Middle East Monitor Desk", 800, "Ezraa families sweep up glass after overnight raids",
     "In the northern quarter of Ezraa, closest to the old barracks, residents spent Sunday morning "
     "taping plastic sheeting over shattered windows; one father said his children had sheltered under "
     "the stairs while the blasts rolled on and the power went out across the town."),

    # Z04: the next night, gunmen attack a checkpoint in al-Musayfirah.
    ("Z04", "en", "Northern Agency", 0, "Flash: two security men killed in checkpoint attack",
     "The attackers fled on motorbikes, a security source said."),
    ("Z04", "ar", "مرآة حوران", 20, "هجوم مسلح على حاجز للأمن العام عند مدخل المسيفرة",
     "هاجم مسلحون مجهولون يستقلون دراجات نارية ليل الأحد حاجزا للأمن العام على المدخل الغربي لبلدة "
     "المسيفرة في ريف درعا الشرقي، واشتبكوا مع عناصره نحو ربع ساعة قبل أن يلوذوا بالفرار باتجاه "
     "الأراضي الزراعية."),
    ("Z04", "en", "Damascus Today", 75, "Two security officers killed in al-Musayfirah checkpoint attack",
     "Two members of the General Security force were killed and a third wounded when gunmen opened "
     "fire on their post at the entrance to al-Musayfirah, east of Daraa city, late on Sunday, a "
     "provincial security official said."),
    ("Z04", "ar", "سانا", 190, "وزارة الداخلية تنعى عنصرين من الأمن العام ارتقيا بهجوم في ريف درعا",
     "نعت وزارة الداخلية عنصرين من قوى الأمن الداخلي ارتقيا إثر اعتداء نفذته مجموعة خارجة عن "
     "القانون على نقطة أمنية في بلدة المسيفرة، مؤكدة أن الوحدات المختصة باشرت ملاحقة المعتدين وأنهم "
     "لن يفلتوا من العقاب."),
    ("Z04", "ar", "الجزيرة نت", 480, "مسيفرة: حظر تجول وحملة دهم بعد مقتل عنصرين من الأمن",
     "فرضت قوى الأمن حظرا للتجول في بلدة مسيفرة منذ صباح الاثنين وبدأت حملة دهم في أحيائها الشرقية، "
     "بينما دعا وجهاء العشائر إلى ضبط النفس وتسليم المطلوبين عبر لجنة أهلية تجنبا لمواجهة أوسع."),
    ("Z04", "en", "Beirut Observer", 1400, "Analysis: Daraa's two nights, one from the sky and one from the fields",
     "A night after Israeli jets pounded the old 12th Brigade base at Izra', gunmen in al-Museifra "
     "showed that the danger the government struggles with most in Houran is closer to home: weapons "
     "never handed in, feuds between families, and cells that vanish into the farmland before "
     "reinforcements arrive."),

    # Z05: a national measles and polio vaccination campaign, launched from Douma.
    ("Z05", "en", "Gulf Daily", 0, "Syria launches nationwide measles and polio vaccination drive",
     "Syria's health ministry began a ten-day campaign on Monday to vaccinate about 2.6 million "
     "children under five against measles and polio, sending teams to schools, clinics and homes in "
     "every province, Health Minister Musab al-Ali said."),
    ("Z05", "ar", "سانا", 40, "وزير الصحة يطلق من دوما الحملة الوطنية للتلقيح ضد الحصبة وشلل الأطفال",
     "أطلق وزير الصحة الدكتور مصعب العلي من المركز الصحي في مدينة دوما الحملة الوطنية للتلقيح التي "
     "تستهدف الأطفال دون سن الخامسة في جميع المحافظات، بمشاركة أكثر من أحد عشر ألف عامل صحي، وبدعم "
     "من منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة."),
    ("Z05", "en", "Anatolia News English", 130, "UNICEF says measles cases tripled before Syria's campaign",
     "UNICEF said on Monday that confirmed measles cases in Syria rose to more than 4,000 last year, "
     "three times the year before, as families coming home from camps and from abroad found local "
     "clinics without vaccines, and that the drive would also catch up children who had missed their "
     "routine shots."),
    ("Z05", "ar", "تلفزيون سوريا", 300, "فرق جوالة لتلقيح الأطفال في المخيمات وقرى ريف إدلب",
     "بدأت فرق التلقيح الجوالة جولاتها على مخيمات النازحين وقرى جبل الزاوية المدمرة، وقال مسؤول في "
     "مديرية صحة إدلب إن العائلات العائدة حديثا إلى منازلها تحظى بالأولوية، لأن كثيرا من أطفالها لم "
     "يتلقوا أي جرعة منذ ولادتهم."),
    ("Z05", "ar", "النهار", 520, "شائعات على مواقع التواصل تربك الأهالي بشأن اللقاح",
     "تداولت حسابات على مواقع التواصل الاجتماعي ادعاءات بأن اللقاحات منتهية الصلاحية، ما دفع بعض "
     "الأهالي إلى إغلاق أبوابهم في وجه الفرق، فردت الوزارة بنشر أرقام الدفعات وتواريخ صلاحيتها، "
     "ودعت إلى عدم الانجرار وراء المعلومات المضللة."),
    ("Z05", "en", "Syria Direct Desk", 1500, "Vaccinators reach 340,000 children on campaign's first day",
     "Health teams gave drops and injections to about 340,000 children on the first day, the ministry "
     "said on Tuesday, with the lowest turnout in parts of the Damascus countryside and eastern Deir "
     "ez-Zor, where rumours about expired doses spread fastest."),

    # Z06: two days later, Douma's main hospital reopened; no report names an alias of the desk.
    ("Z06", "ar", "المدن", 0, "دوما: المستشفى الرئيسي يستقبل مرضاه من جديد بعد إعادة بنائه",
     "افتتح صباح الأربعاء المستشفى الرئيسي في مدينة دوما بعد أكثر من عام من أعمال الترميم، ويضم "
     "قسما للإسعاف وثلاث غرف عمليات وجناحا للأطفال بسعة أربعين سريرا، في مبنى تعرض للقصف مرات عدة "
     "خلال سنوات الحصار."),
    ("Z06", "en", "Northern Agency", 35, "Douma's main hospital reopens after rebuild",
     "The main hospital in Douma opened its doors again on Wednesday after a year of reconstruction, "
     "with an emergency department, three operating theatres and a 40-bed children's wing, the town's "
     "health directorate said."),
    ("Z06", "en", "Levant Wire", 140, "Duma hospital to spare patients long night drives to the capital",
     "Patients from Duma and the nearby towns of the Eastern Ghouta used to be driven for up to an hour "
     "to hospitals in the capital for surgery or dialysis; doctors said the reopened building would now "
     "take most of those cases, starting with eight dialysis machines."),
    ("Z06", "ar", "الشرق الأوسط", 260, "أطباء يعودون من الخارج للعمل في مستشفى دوما",
     "قال مدير المستشفى إن سبعة من الأطباء الذين غادروا المدينة خلال الحرب عادوا للعمل فيه، لكنه "
     "أشار إلى نقص في أطباء التخدير والممرضات، وإلى أن رواتب الكادر ستدفعها جمعية خيرية كويتية لمدة "
     "عام قبل أن تنتقل إلى مديرية الصحة."),
    ("Z06", "ar", "عنب بلدي", 430, "أهالي دوما: لم نعد مضطرين إلى قطع الطريق إلى العاصمة ليلا",
     "عبر سكان في المدينة عن ارتياحهم لعودة المستشفى إلى العمل، وروت أم لثلاثة أطفال أنها اضطرت "
     "الشتاء الماضي إلى استئجار سيارة في منتصف الليل لنقل ابنها المصاب بالتهاب رئوي، وأن الرحلة "
     "وحدها كلفتها أكثر من نصف راتب زوجها."),
    ("Z06", "en", "Amman Post", 1450, "In Dumah, surgeons return to wards built over the siege-era cellar clinic",
     "Beneath the new emergency department in Dumah lies the basement where doctors once operated by "
     "torchlight during the siege. The staff have kept one room of it as it was, with its stained walls "
     "and a hand-painted sign, and walk visitors through it before showing them the new scanners."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Damascus Today", 25, "verbatim"),
    (13, "Gulf Daily", 35, "verbatim"),
    (21, "الوطن", 20, "verbatim"),
    (30, "النهار", 50, "credited"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "z", "heldout13.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
