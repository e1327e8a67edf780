#!/usr/bin/env python3
"""Builds heldout11.json, the eleventh held-out part of Herald's story evaluation set.

Written and committed before the ninth round of work on stories, with its "before" figures; no
setting may be chosen on it. Every report is written freely, one by one; only the wire copies share
text. Six stories of late November and early December 2026 in near misses on the same actors,
places and hours: a Turkish delegation (the foreign and defence ministers and the intelligence
chief) in Damascus with the president, and the foreign minister in London three days later; Israeli
strikes on the Khalkhalah air base, north of Sweida, and an Israeli incursion into Maariyah, in the
Yarmouk basin of the Daraa countryside, two days later; longer electricity hours in Hama (a story
no alias of the desk names), and the price of subsidised bread raised in Hama four days later.
Places spelled more than one way (Khalkhalah, Khalkhala, خلخلة; Maariyah, Ma'ariya, معرية,
المعرية; Hama, Hamah), headlines that open on their place, a few short flashes, reports that name
no place, and an outlet of this part's own. Run it again and it writes the same file
(`python3 heldout11.py`).
"""
from datetime import datetime, timezone

from stories import write_items, written_reports

# Outlets of this part only, invented like the others.
MORE_OUTLETS = ["صوت العاصي"]

# Story id -> when its first report appears.
STARTS = {
    "X01": datetime(2026, 11, 23, 9, tzinfo=timezone.utc),      # Turkish delegation in Damascus
    "X02": datetime(2026, 11, 26, 10, tzinfo=timezone.utc),     # Shaibani in London
    "X03": datetime(2026, 11, 30, 22, 40, tzinfo=timezone.utc),  # Israeli strikes on Khalkhalah air base
    "X04": datetime(2026, 12, 2, 5, 10, tzinfo=timezone.utc),   # Israeli incursion into Maariyah
    "X05": datetime(2026, 12, 1, 7, tzinfo=timezone.utc),       # longer electricity hours in Hama (no desk alias)
    "X06": datetime(2026, 12, 5, 6, 30, tzinfo=timezone.utc),   # subsidised bread price raised in Hama
}

# (story, language, outlet, minutes after the story starts, title, body)
REPORTS = [
    # X01: a Turkish delegation in Damascus with the president.
    ("X01", "en", "Anatolia News English", 0, "Fidan, Guler and Kalin arrive in Damascus for security talks",
     "Turkish Foreign Minister Hakan Fidan, Defence Minister Yasar Guler and intelligence chief Ibrahim "
     "Kalin landed in Damascus on Monday for talks with President Ahmed al-Sharaa, diplomatic sources "
     "said."),
    ("X01", "ar", "سانا", 40, "الرئيس الشرع يستقبل وفدا تركيا رفيع المستوى في قصر الشعب",
     "استقبل رئيس الجمهورية أحمد الشرع اليوم في قصر الشعب وفدا تركيا يضم وزير الخارجية هاكان "
     "فيدان ووزير الدفاع يشار غولر ورئيس جهاز الاستخبارات إبراهيم كالن، وجرى خلال اللقاء بحث "
     "العلاقات الثنائية وسبل تعزيز التعاون في المجالات الدفاعية والاقتصادية."),
    ("X01", "ar", "الجزيرة نت", 150, "أنقرة تعرض تدريب الجيش الجديد وإقامة قواعد جوية وسط البلاد",
     "قالت مصادر مطلعة إن الوفد التركي عرض على دمشق برنامجا لتدريب ألوية من الجيش وتزويدها بطائرات "
     "مسيرة، إضافة إلى تأهيل قاعدتين جويتين في ريف حمص، وهو ما تنظر إليه إسرائيل بقلق."),
    ("X01", "en", "Damascus Today", 210, "Turkey pledges help with army, water and power lines",
     "The two sides agreed to set up joint committees on training the army, on sharing the Euphrates' "
     "water and on a new high-voltage line from Kilis, the presidency said in a statement after the "
     "meeting."),
    ("X01", "ar", "تسنيم", 480, "الوفد التركي في دمشق.. وصاية عسكرية بغطاء التعاون",
     "اعتبرت أوساط سياسية أن حضور وزير الدفاع ورئيس الاستخبارات التركيين معا إلى العاصمة السورية "
     "يكشف سعي أنقرة إلى تثبيت وجود عسكري دائم في البلاد، في وقت تتواصل فيه الاعتداءات الإسرائيلية "
     "على الجنوب."),
    ("X01", "en", "Beirut Observer", 1410, "Analysis: Ankara moves from patron to partner in Damascus",
     "The size of Monday's delegation said as much as the statements: with its top diplomat, soldier "
     "and spy in one room with Sharaa, Turkey is betting that the new army will be built partly on "
     "its model, and wants Israel to know it."),

    # X02: three days later, the foreign minister in London.
    ("X02", "en", "Levant Wire", 0, "Syrian foreign minister in London for first official visit",
     "Asaad al-Shaibani arrived in London on Thursday for talks with British Foreign Secretary Yvette "
     "Cooper, the first official visit to Britain by a Syrian foreign minister in more than a decade, "
     "the Foreign Office said."),
    ("X02", "ar", "الشرق الأوسط", 30, "الشيباني في لندن.. والملف الكيماوي على الطاولة",
     "يجري وزير الخارجية والمغتربين أسعد الشيباني في العاصمة البريطانية محادثات مع نظيرته إيفيت "
     "كوبر تتناول التخلص مما تبقى من مخزون الأسلحة الكيماوية والتعاون مع منظمة حظر الأسلحة "
     "الكيماوية، إلى جانب ملف اللاجئين."),
    ("X02", "en", "Gulf Daily", 200, "Britain to reopen Damascus embassy, add 40 million pounds in aid",
     "The UK will restore its embassy in the Syrian capital in the spring and add 40 million pounds "
     "for clearing mines and rebuilding schools, Cooper told reporters after meeting Shaibani."),
    ("X02", "ar", "العربية", 240, "كوبر: نعمل مع شركائنا على رفع ما تبقى من العقوبات",
     "قالت وزيرة الخارجية البريطانية في مؤتمر صحفي مع نظيرها السوري إن بلادها ستعمل مع شركائها "
     "الأوروبيين على رفع ما تبقى من العقوبات المفروضة على قطاعات المصارف والطيران."),
    ("X02", "ar", "تلفزيون سوريا", 560, "ناشطون سوريون يتظاهرون أمام داونينغ ستريت خلال الزيارة",
     "تجمع عشرات من أبناء الجالية السورية في بريطانيا أمام مقر رئاسة الحكومة، بعضهم رحب بالوزير "
     "وبعضهم طالب بكشف مصير المختفين قسرا ومحاسبة المتورطين في الانتهاكات بالساحل والسويداء."),
    ("X02", "en", "Middle East Monitor Desk", 1500, "What Shaibani took home from the British capital",
     "An embassy date, aid money and a promise on sanctions, but no answer yet on the return of the "
     "roughly 30,000 Syrians in Britain whose asylum claims were frozen last year, rights groups "
     "noted on Friday."),

    # X03: Israeli strikes on the Khalkhalah air base, north of Sweida.
    ("X03", "en", "Northern Agency", 0, "Flash: explosions heard near air base north of Sweida",
     "Witnesses report jets overhead."),
    ("X03", "ar", "المدن", 15, "غارات إسرائيلية على مطار خلخلة العسكري في ريف السويداء",
     "شنت طائرات حربية إسرائيلية ليل الاثنين سلسلة غارات على مطار خلخلة العسكري في ريف السويداء "
     "الشمالي، استهدفت حظائر الطائرات ومستودعات قرب المدرج، بحسب مصادر محلية."),
    ("X03", "en", "Syria Direct Desk", 45, "Israeli jets pound Khalkhalah airbase in southern Syria",
     "Israeli warplanes struck the Khalkhalah military airbase north of Sweida late on Monday, hitting "
     "hangars and a radar that the new army had begun to restore, two residents and a military source "
     "said."),
    ("X03", "en", "Tehran Times English", 130, "Israeli army says it hit weapons left at former air base",
     "The military said its aircraft struck 'military capabilities' at a base it did not name, to stop "
     "them from being used against Israel, and that it would not allow any threat to build up in the "
     "south."),
    ("X03", "ar", "سانا", 600, "الخارجية: العدوان الإسرائيلي على ريف السويداء انتهاك سافر للسيادة",
     "دانت وزارة الخارجية والمغتربين بأشد العبارات الغارات التي شنها الاحتلال الإسرائيلي على موقع "
     "عسكري في ريف السويداء الشمالي، وطالبت مجلس الأمن بوضع حد لهذه الاعتداءات المتكررة."),
    ("X03", "en", "Amman Post", 780, "Khalkhala residents say blasts shattered windows in nearby villages",
     "People in villages around the base said the blasts shook houses for half an hour and broke "
     "windows as far as Shahba, though nobody was reported hurt."),

    # X04: two days later, an Israeli incursion into Maariyah in the Yarmouk basin.
    ("X04", "ar", "العربية", 0, "عاجل | قوة إسرائيلية تتوغل في بلدة معرية بريف درعا الغربي",
     "دبابات وجرافات على مداخل البلدة."),
    ("X04", "ar", "عنب بلدي", 35, "توغل إسرائيلي جديد في حوض اليرموك",
     "دخلت قوة إسرائيلية مؤلفة من دبابتين وثلاث عربات وجرافة فجر الأربعاء بلدة المعرية في منطقة "
     "حوض اليرموك، وأقامت حاجزا على الطريق الواصل إلى عابدين، وفتشت عددا من المنازل، بحسب ناشطين "
     "من المنطقة."),
    ("X04", "en", "Levant Wire", 60, "Israeli troops push into village near Jordan, Golan frontier",
     "Israeli troops backed by tanks entered Maariyah in the Yarmouk basin at dawn on Wednesday, close "
     "to where the Syrian, Jordanian and Israeli-held lines meet, and set up a checkpoint on the road "
     "out of the village, local sources said."),
    ("X04", "en", "Middle East Monitor Desk", 240, "Ma'ariya farmers kept from fields as Israeli checkpoint stays",
     "Farmers said soldiers turned them back from olive groves in the valley below the village and "
     "that the checkpoint was still there by midday, with a bulldozer digging an earth berm beside it."),
    ("X04", "ar", "الوطن", 420, "محافظ درعا: ما يجري في المعرية تصعيد نطالب الأمم المتحدة بوقفه",
     "قال محافظ درعا إن التوغل في البلدة هو الثالث في حوض اليرموك خلال شهر، مشيرا إلى أن الأهالي "
     "يعيشون حالة خوف دائمة، وداعيا قوات الأمم المتحدة إلى التحرك."),
    ("X04", "en", "Beirut Observer", 1380, "Analysis: Israel's southern buffer creeps west of Daraa",
     "Two days after its jets hit the airbase north of Sweida, Israel sent troops into a Yarmouk valley "
     "village, a pattern of raids from the air and on the ground that leaves Damascus protesting but "
     "unable to respond."),

    # X05: longer electricity hours in Hama; no report names an alias of the desk.
    ("X05", "ar", "صوت العاصي", 0, "حماة: تحسن ملحوظ في ساعات التغذية الكهربائية",
     "أعلنت الشركة العامة للكهرباء في حماة اعتماد برنامج تقنين جديد يقضي بوصل التيار أربع ساعات "
     "مقابل ساعتين من القطع في أحياء المدينة، بدلا من ساعتين مقابل أربع."),
    ("X05", "en", "Gulf Daily", 20, "Hama households get four hours of power for every two off",
     "The electricity company in Hama said on Tuesday that homes in the city would now get four hours "
     "of power followed by two hours without, double what they had, after the Mhardeh plant brought a "
     "third unit back into service."),
    ("X05", "ar", "الوطن", 140, "عودة المجموعة الثالثة في محطة محردة إلى العمل",
     "أفاد مدير محطة توليد محردة بأن المجموعة الثالثة عادت إلى الخدمة بعد أعمال صيانة استمرت ستة "
     "أشهر، ما رفع إنتاج المحطة بنحو 200 ميغاواط ذهب الجزء الأكبر منها إلى حماة وريفها."),
    ("X05", "en", "Northern Agency", 190, "Third unit back at Mhardeh power plant after overhaul",
     "A 200-megawatt generating unit at the Mhardeh plant, idle since May, returned to the grid on "
     "Tuesday, its director said, adding that gas supplies would decide how long the improvement lasts."),
    ("X05", "ar", "النهار", 330, "أصحاب الورش في حماة: الكهرباء تعيد لنا زبائننا",
     "قال أصحاب ورش الخياطة والحدادة في حي الحاضر إنهم عادوا إلى العمل نهارا بعد أشهر من الاعتماد "
     "على المولدات وأمبيرات الاشتراك التي أثقلت تكاليفهم."),
    ("X05", "en", "Amman Post", 1450, "Hamah's generator owners feel the pinch as grid power returns",
     "Neighbourhood generator operators in Hamah said subscribers had started cancelling their amperes "
     "within a day of the new schedule, and some cut their monthly charge to keep them."),

    # X06: four days later, the price of subsidised bread raised in Hama.
    ("X06", "en", "Syria Direct Desk", 0, "Subsidised bread price rises in Hama, bakeries say",
     "A bundle of subsidised bread in Hama now costs 4,000 Syrian pounds, up from 2,500, bakers and "
     "the province's trade directorate said on Saturday, as the state cuts what it spends on flour."),
    ("X06", "ar", "صوت العاصي", 10, "رفع سعر ربطة الخبز المدعوم في حماة إلى 4000 ليرة",
     "بدأت الأفران العامة والخاصة في حماة صباح اليوم بيع ربطة الخبز المدعوم بسعر 4000 ليرة بدلا من "
     "2500، بموجب قرار صادر عن مديرية التجارة الداخلية في المحافظة."),
    ("X06", "ar", "الجزيرة نت", 120, "طوابير أمام أفران حماة بعد رفع سعر الخبز",
     "اصطفت طوابير طويلة منذ الفجر أمام أفران حيي الأربعين وطريق حلب، وقال أهال إن كثيرا من العائلات "
     "ستضطر إلى تقليص ما تشتريه من خبز، في ظل رواتب لا تتجاوز بضعة آلاف من الليرات يوميا."),
    ("X06", "en", "Damascus Today", 200, "Trade ministry says bread rise limited to Hama pilot",
     "The internal trade ministry said the new price applied only to Hama for now, as a trial before "
     "subsidies are moved from flour to cash paid to poor families."),
    ("X06", "ar", "تسنيم", 380, "الخبز في حماة.. أول ضحايا وصفات صندوق النقد",
     "رأى اقتصاديون أن تقليص دعم الخبز يأتي استجابة لشروط المؤسسات المالية الغربية، محذرين من أن "
     "يدفع الفقراء ثمن ما يسمى الإصلاح الاقتصادي."),
    ("X06", "ar", "المدن", 1440, "ماذا يعني رفع سعر الخبز في حماة لبقية المحافظات؟",
     "تقول مصادر في وزارة التجارة الداخلية إن التجربة ستعمم على حمص واللاذقية مطلع العام إذا نجحت، "
     "مع صرف بدل نقدي للأسر المسجلة في برنامج الدعم، وهو ما لم تحدد قيمته بعد."),
]

# Wire copies: (index of the copied report in REPORTS, outlet, minutes later, how).
COPIES = [
    (0, "Gulf Daily", 30, "verbatim"),
    (13, "تلفزيون سوريا", 40, "credited"),
    (20, "Anatolia News English", 50, "verbatim"),
    (31, "سانا", 25, "verbatim"),
]


def main():
    write_items(written_reports(REPORTS, STARTS, COPIES), "x", "heldout11.json", MORE_OUTLETS)


if __name__ == "__main__":
    main()
