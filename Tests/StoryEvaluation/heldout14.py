#!/usr/bin/env python3
"""Builds heldout14.json, the fourteenth held-out part of Herald's story evaluation set.

Written and committed before the twelfth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of February 2027 in near misses on the same actors, places and days: the foreign
minister Shaibani at the Munich Security Conference, and Qatar's emir in Damascus with President
Sharaa and Shaibani three days later; gunmen ambushing a General Security patrol on the road
between Jableh and al-Qutailbiyah, in the Latakia countryside, and a car bomb outside a police
station in Baniyas, in Tartus province, the next night; the first subsidised convoy of citrus
lorries from Latakia to Iraq (the day of the ambush), and a frost that killed the crops of
thousands of greenhouses around al-Hamidiyah, south of Tartus, three days later (a story no alias
of the desk names). Places spelled more than one way (Jableh, Jebleh; al-Qutailbiyah,
Qteilbiyeh, القطيلبية, قطيلبية; Baniyas, Banias, Banyas; al-Hamidiya, Hamidiyeh; Munich, ميونخ,
ميونيخ), headlines that open on their place, a few short flashes, reports that name no place, and
an outlet of this part's own. Run it again and it writes the same file (`python3 heldout14.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["نافذة الساحل"]

# Story id -> when its first report appears.
STARTS = {
    "A01": datetime(2027, 2, 13, 9, 30, tzinfo=timezone.utc),   # Shaibani at the Munich Security Conference
    "A02": datetime(2027, 2, 16, 7, 45, tzinfo=timezone.utc),   # Qatar's emir in Damascus
    "A03": datetime(2027, 2, 18, 19, 10, tzinfo=timezone.utc),  # patrol ambushed near Jableh
    "A04": datetime(2027, 2, 19, 20, 30, tzinfo=timezone.utc),  # car bomb at a police station in Baniyas
    "A05": datetime(2027, 2, 18, 7, 0, tzinfo=timezone.utc),    # first citrus convoy from Latakia to Iraq
    "A06": datetime(2027, 2, 21, 5, 30, tzinfo=timezone.utc),   # frost kills greenhouse crops (no desk alias)
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # A01: the foreign minister Shaibani at the Munich Security Conference.
    ("A01", "en", "Levant Wire", 0, "Shaibani tells Munich conference Syria will not be a launchpad against neighbours",
     "Syrian Foreign Minister Asaad al-Shaibani told the Munich Security Conference on Saturday that "
     "the new authorities would let no armed group use Syrian territory to threaten another state, "
     "and asked European governments to back that pledge by lifting what remains of their "
     "restrictions on trade and banking."),
    ("A01", "ar", "سانا", 40, "الشيباني يلتقي نظيره الألماني على هامش مؤتمر ميونخ للأمن",
     "التقى وزير الخارجية والمغتربين أسعد الشيباني اليوم وزير الخارجية الألماني يوهان فاديفول على "
     "هامش أعمال مؤتمر ميونخ للأمن، وبحث الجانبان العلاقات الثنائية وسبل تعزيز التعاون في مجالات "
     "إعادة الإعمار والتعليم العالي والتدريب المهني."),
    ("A01", "en", "Anatolia News English", 150, "Munich: EU's Kallas offers help with customs and crossings",
     "The European Union's foreign policy chief Kaja Kallas said after talks with Shaibani in the "
     "Bavarian capital that the bloc was ready to pay for training and equipment at Syria's land "
     "crossings, and would send a team of experts to Damascus next month to draw up a plan."),
    ("A01", "ar", "تلفزيون سوريا", 260, "ميونخ: الشيباني أمام أسئلة المحاسبة عن انتهاكات الساحل والسويداء",
     "واجه وزير الخارجية خلال جلسة حوارية في المؤتمر أسئلة مباشرة من باحثين وصحفيين عن مسار "
     "المحاسبة على الانتهاكات التي شهدها الساحل والسويداء العام الماضي، فأجاب بأن لجان التحقيق "
     "أحالت عشرات المتهمين إلى القضاء وبأن المحاكمات ستكون علنية، من دون أن يحدد موعدا لبدئها."),
    ("A01", "ar", "الشرق الأوسط", 330, "لقاء ثلاثي يجمع الشيباني بنظيريه الفرنسي والبريطاني في ميونيخ",
     "ناقش الشيباني مع وزيري خارجية فرنسا وبريطانيا ملف ما تبقى من الأسلحة الكيميائية، وأبلغهما بأن "
     "فرق منظمة حظر الأسلحة الكيميائية ستتمكن من دخول ثلاثة مواقع إضافية قبل نهاية آذار المقبل، "
     "وفقا لدبلوماسي أوروبي حضر اللقاء."),
    ("A01", "en", "Beirut Observer", 1380, "Analysis: In Bavaria, Damascus trades promises for patience",
     "Shaibani's hour on the conference stage was less a speech than an application form: the chemical "
     "weapons file will be closed, the factions folded into one army, last year's killings tried in "
     "open court. European officials in the corridors were warmer than a year ago, but most said they "
     "would judge by what happens on the coast, not by what is said in a hotel ballroom."),

    # A02: three days later, Qatar's emir in Damascus with President Sharaa and Shaibani.
    ("A02", "ar", "العربية", 0, "عاجل | أمير قطر يصل إلى دمشق في أول زيارة له منذ سقوط النظام السابق",
     "والرئيس الشرع في مقدمة مستقبليه."),
    ("A02", "en", "Gulf Daily", 30, "Qatar's emir lands in Damascus, the first Gulf ruler to visit since Assad's fall",
     "Emir Sheikh Tamim bin Hamad Al Thani landed in the Syrian capital on Tuesday morning and was "
     "greeted on the tarmac by President Ahmed al-Sharaa, Foreign Minister Asaad al-Shaibani and a "
     "guard of honour, in a visit both governments called historic."),
    ("A02", "ar", "سانا", 90, "الرئيس الشرع وأمير دولة قطر يعقدان جلسة مباحثات رسمية في قصر الشعب",
     "عقد السيد الرئيس أحمد الشرع وصاحب السمو الشيخ تميم بن حمد آل ثاني أمير دولة قطر جلسة مباحثات "
     "رسمية في قصر الشعب، تناولت العلاقات الأخوية بين البلدين الشقيقين وآفاق توسيع التعاون في مجالات "
     "الطاقة والاستثمار والنقل، بحضور وزير الخارجية والمغتربين أسعد الشيباني."),
    ("A02", "en", "Damascus Today", 200, "Doha to fund 400 megawatts of new power and a year of teachers' pay",
     "Qatar will finance a 400-megawatt gas-fired plant near Homs and cover the salaries of public "
     "school teachers for twelve months under agreements signed at the People's Palace, the "
     "presidency said, without putting a figure on the package."),
    ("A02", "ar", "الجزيرة نت", 320, "الدوحة ودمشق توقعان سبع اتفاقيات في الطاقة والإسكان والنقل الجوي",
     "وقع الجانبان في ختام المباحثات سبع اتفاقيات ومذكرات تفاهم، أبرزها إنشاء صندوق مشترك لإعادة "
     "بناء المساكن المدمرة في ريف دمشق وحمص، ورفع عدد رحلات الخطوط الجوية القطرية إلى دمشق وحلب "
     "لتصبح يومية."),
    ("A02", "en", "Amman Post", 1440, "Analysis: after Munich's pledges, Qatari cheques",
     "Three days after Shaibani spent the Munich conference asking Europe for patience, the emir "
     "brought what Europe has not: money that can be spent this year. Doha's bet is political as much "
     "as commercial, and its Gulf rivals will watch whether the power plant and the housing fund move "
     "faster than the promises made in Bavaria."),

    # A03: gunmen ambush a General Security patrol between Jableh and al-Qutailbiyah.
    ("A03", "en", "Northern Agency", 0, "Flash: security patrol ambushed on coastal road, casualties reported",
     "Residents said the gunfire lasted about twenty minutes."),
    ("A03", "ar", "نافذة الساحل", 25, "كمين يستهدف دورية للأمن العام على طريق جبلة – القطيلبية",
     "تعرضت دورية تابعة لجهاز الأمن العام مساء الخميس لكمين نصبه مسلحون مجهولون على الطريق الواصل "
     "بين مدينة جبلة وبلدة القطيلبية، إذ أطلقوا النار على سيارتها من بين الأشجار المحاذية للطريق ثم "
     "تواروا في الأحراج المجاورة."),
    ("A03", "en", "Syria Direct Desk", 80, "Three General Security members killed in ambush near Jableh",
     "Three members of the General Security service were killed and two wounded when gunmen fired on "
     "their vehicle on a wooded stretch of road between Jableh and al-Qutailbiyah in the Latakia "
     "countryside on Thursday evening, a security official and a local resident said."),
    ("A03", "ar", "سانا", 200, "وزارة الداخلية تتوعد منفذي الاعتداء على دورية للأمن العام في ريف اللاذقية",
     "أعلنت وزارة الداخلية في بيان استشهاد ثلاثة من عناصر الأمن العام وإصابة اثنين آخرين في اعتداء "
     "غادر استهدف دوريتهم في منطقة جبلة، مؤكدة أن وحداتها طوقت المكان ودفعت بتعزيزات لتمشيط الأحراج "
     "والقرى المحيطة، وأن الفاعلين ومن يؤويهم سيقدمون إلى القضاء."),
    ("A03", "ar", "المدن", 720, "قطيلبية تستيقظ على حواجز وتفتيش للمنازل بعد كمين الخميس",
     "انتشرت صباح الجمعة حواجز مؤقتة على مداخل البلدة والقرى المجاورة لها، وقال سكان إن عناصر الأمن "
     "فتشوا عددا من المنازل بحثا عن أسلحة واقتادوا شبانا للتحقيق، في حين ناشد وجهاء محليون السلطات "
     "عدم تحميل الأهالي وزر ما جرى."),
    ("A03", "en", "Middle East Monitor Desk", 1300, "Jebleh road ambush revives fears of an insurgency in the coastal hills",
     "Thursday's attack was the deadliest on government forces in the hills above Jebleh since the "
     "summer, and it came on the road to Qteilbiyeh that patrols had driven every evening for months. "
     "People in the villages nearby said they feared being punished together; officials blamed "
     "remnants of the old army's units who know the forests well."),

    # A04: the next night, a car bomb outside a police station in Baniyas.
    ("A04", "ar", "العربية", 0, "عاجل | انفجار سيارة مفخخة قرب مخفر للشرطة في مدينة بانياس",
     "ومعلومات أولية عن إصابات."),
    ("A04", "en", "Levant Wire", 20, "Car bomb explodes outside police station in Syria's Baniyas",
     "A car packed with explosives blew up outside a police station in the coastal city of Baniyas "
     "late on Friday, wounding at least six people including two policemen, a medical source at the "
     "city's national hospital said."),
    ("A04", "ar", "تلفزيون سوريا", 90, "ستة جرحى بانفجار سيارة مفخخة أمام مخفر في بانياس",
     "انفجرت سيارة مركونة أمام مخفر الشرطة في حي القصور ببانياس قرابة منتصف الليل، فأصيب ستة أشخاص "
     "بينهم شرطيان وتحطمت واجهات محال تجارية عدة، فيما أغلقت قوى الأمن مداخل المدينة وشرعت في "
     "تفتيش السيارات."),
    ("A04", "en", "Tehran Times English", 240, "Banias blast follows crackdown in Jableh villages, residents say",
     "The bombing came a day after security forces combed villages in the hills east of Jableh, and "
     "some residents linked the two, although no group has claimed either attack. Activists said dozens "
     "of men had been detained in the countryside over the past 24 hours."),
    ("A04", "ar", "الوطن", 660, "محافظ طرطوس يتفقد موقع التفجير ويؤكد عودة الحركة إلى طبيعتها",
     "تفقد محافظ طرطوس صباح السبت موقع التفجير الإرهابي الذي استهدف مخفر الشرطة في مدينة بانياس، "
     "واطلع على حجم الأضرار، مؤكدا أن الجهات المختصة توصلت إلى خيوط أولية حول الجهة المنفذة، وأن "
     "الحركة في الأسواق عادت إلى طبيعتها."),
    ("A04", "en", "Damascus Today", 1200, "Banyas shopkeepers reopen behind boarded windows",
     "By Saturday afternoon most shops on the street had reopened, their owners sweeping up glass and "
     "nailing plywood over empty frames. A pharmacist who was locking up when the blast hit said the "
     "car had stood there since the afternoon and nobody had thought to ask whose it was."),

    # A05: the first subsidised citrus convoy leaves Latakia for Iraq (the day of the ambush).
    ("A05", "en", "Gulf Daily", 0, "Syria sends first refrigerated convoy of oranges to Iraq under freight subsidy",
     "Sixty refrigerated lorries loaded with oranges and mandarins left the Latakia wholesale market on "
     "Thursday for Baghdad and Basra, the first shipment under a government scheme that pays part of "
     "the freight to help growers sell a record crop, the agriculture ministry said."),
    ("A05", "ar", "سانا", 30, "انطلاق أولى قوافل الحمضيات المصدرة إلى العراق من اللاذقية",
     "انطلقت اليوم من سوق الهال في اللاذقية أولى قوافل البرادات المحملة بالحمضيات نحو الأسواق "
     "العراقية، بحضور وزير الزراعة ومحافظ اللاذقية، وذلك في إطار برنامج دعم تصدير الحمضيات الذي "
     "أقرته الحكومة مطلع الشهر الجاري."),
    ("A05", "ar", "عنب بلدي", 180, "مزارعو الحمضيات: الدعم جاء متأخرا والأسعار لا تغطي الكلفة",
     "يقول مزارعون في ريف جبلة إن ما يتقاضونه عن كيلو البرتقال في البستان أقل من كلفة قطافه ونقله "
     "وتسميده، وإن كثيرين منهم تركوا الثمار على الأشجار أو باعوها لمعامل العصير بأبخس الأثمان."),
    ("A05", "en", "Anatolia News English", 300, "Latakia growers eye Gulf markets as citrus glut deepens",
     "Officials in the coastal province said this season's citrus harvest should top 1.1 million "
     "tonnes, about a third more than local markets can take, and that talks were under way with Saudi "
     "and Emirati importers to open a second route by sea."),
    ("A05", "ar", "النهار", 420, "مصدرون: كلفة التبريد والتأمين تلتهم هامش الربح",
     "يقول مصدرون إن كلفة البراد الواحد في رحلة تستغرق ثلاثة أيام تتجاوز ألفين وخمسمئة دولار، في حين "
     "لا يغطي الدعم الحكومي سوى خمسها، ويطالبون بخفض رسوم العبور وتسريع إجراءات الفحص الزراعي في "
     "المنافذ."),
    ("A05", "en", "Beirut Observer", 1500, "Analysis: a bumper orange crop and nowhere to sell it",
     "The coast grows more oranges than the country can eat, and for a decade the surplus has rotted or "
     "gone to juice plants at a loss. Thursday's convoy is a start, but growers around Jableh and "
     "Tartus say the state would do more by fixing cold stores and packing houses than by paying "
     "truckers."),

    # A06: three days later, frost kills greenhouse crops south of Tartus; no report names an alias
    # of the desk.
    ("A06", "ar", "الوطن", 0, "موجة صقيع تتلف محاصيل آلاف البيوت البلاستيكية في ريف طرطوس",
     "أتلفت موجة الصقيع التي ضربت المنطقة الساحلية ليل السبت محاصيل أكثر من ثلاثة آلاف بيت بلاستيكي "
     "في سهل الحميدية وريف بانياس، بعدما هبطت درجات الحرارة إلى ما دون الصفر لساعات عدة، وفق تقديرات "
     "أولية لمديرية الزراعة."),
    ("A06", "en", "Northern Agency", 25, "Flash: overnight frost wipes out greenhouse crops on the coast",
     "Growers found tomato and cucumber plants blackened by morning."),
    ("A06", "en", "Levant Wire", 120, "Tartus farmers count losses after rare frost kills greenhouse tomatoes",
     "Temperatures fell to minus two degrees Celsius before dawn on Sunday in al-Hamidiya and other "
     "villages of the coastal plain south of Tartus, killing tomato, cucumber and pepper plants in "
     "thousands of plastic greenhouses weeks before the spring harvest, the provincial agriculture "
     "directorate said."),
    ("A06", "ar", "سانا", 420, "وزير الزراعة يوجه بحصر أضرار الصقيع في طرطوس تمهيدا لتعويض المزارعين",
     "وجه وزير الزراعة بتشكيل لجان فنية في محافظة طرطوس لحصر الأضرار التي لحقت بالزراعات المحمية "
     "جراء الصقيع، تمهيدا لتعويض المزارعين من صندوق التخفيف من آثار الجفاف والكوارث الطبيعية، "
     "وتزويدهم ببذار وشتول بأسعار مدعومة."),
    ("A06", "ar", "الشرق الأوسط", 600, "الحميدية: مزارعون يقتلعون شتولا ماتت في ليلة واحدة",
     "أمضى مزارعو السهل الممتد جنوب طرطوس نهار الأحد في اقتلاع شتول البندورة والخيار التي اسودت "
     "أوراقها، وقال أحدهم إنه استدان في الخريف ثمن البذور والنايلون والسماد، ولا يعرف الآن كيف سيسدد "
     "ما عليه."),
    ("A06", "en", "Middle East Monitor Desk", 1500, "Hamidiyeh growers face a spring with nothing to sell",
     "A day after the frost, the plastic sheeting still stands across the Hamidiyeh plain, but most of "
     "what grew beneath it is dead. Growers say replanting now would bring a crop in May, when prices "
     "collapse as open-field vegetables arrive, and many are asking the agricultural bank to put off "
     "their loan repayments instead."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Damascus Today", 25, "verbatim"),
    (15, "الوطن", 30, "verbatim"),
    (24, "Syria Direct Desk", 40, "verbatim"),
    (30, "المدن", 45, "credited"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "a", "heldout14.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
