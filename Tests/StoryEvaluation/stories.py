# Herald story evaluation set: the stories, as written for it. Each story lists, per language,
# headlines and body sentences written as different outlets would phrase the same event;
# make_items.py draws items from them. Stories that share actors (S01/S02/S05/S12, S03/S04)
# are the near misses the grouping must keep apart.

import json
from datetime import timedelta

STORIES = [
    {
        "id": "S01", "day": 0, "hour": 9, "span": 30, "en": 14, "ar": 10, "copies": 3,
        "en_titles": [
            "Syrian and Israeli officials meet in Paris for US-brokered security talks",
            "Shaibani and Dermer hold first round of talks in Paris under US mediation",
            "Paris hosts rare direct Syria-Israel security meeting with envoy Barrack",
            "Syria, Israel open security dialogue in French capital",
            "US envoy Tom Barrack chairs Syria-Israel talks in Paris",
        ],
        "en_body": [
            "Syrian Foreign Minister Asaad al-Shaibani met Israeli Strategic Affairs Minister Ron Dermer in Paris on Monday.",
            "The meeting was mediated by US envoy Tom Barrack and focused on a security arrangement for southern Syria.",
            "Officials said the two delegations discussed a de-escalation framework along the 1974 disengagement line.",
            "It was the first publicly acknowledged direct meeting between senior Syrian and Israeli officials in decades.",
            "A diplomat familiar with the Paris talks said the sides agreed to meet again within two weeks.",
            "Barrack described the Paris session as constructive and said Washington wants a security pact signed soon.",
            "Damascus insists any deal must include an Israeli withdrawal from positions taken since December 2024.",
        ],
        "ar_titles": [
            "لقاء سوري إسرائيلي في باريس بوساطة أمريكية",
            "الشيباني وديرمر يعقدان جولة محادثات أمنية في باريس",
            "باريس تستضيف أول اجتماع أمني مباشر بين سوريا وإسرائيل برعاية براك",
            "انطلاق الحوار الأمني السوري الإسرائيلي في العاصمة الفرنسية",
        ],
        "ar_body": [
            "التقى وزير الخارجية السوري أسعد الشيباني الوزير الإسرائيلي رون ديرمر في باريس يوم الاثنين.",
            "جرى اللقاء بوساطة المبعوث الأمريكي توم براك وتركز على ترتيبات أمنية في جنوب سوريا.",
            "بحث الوفدان إطارا لخفض التصعيد على خط فض الاشتباك لعام 1974.",
            "وقال دبلوماسي مطلع إن الطرفين اتفقا على الاجتماع مجددا خلال أسبوعين في باريس.",
            "وتصر دمشق على انسحاب إسرائيل من المواقع التي سيطرت عليها منذ ديسمبر 2024.",
            "ووصف براك جلسة باريس بأنها بناءة.",
        ],
    },
    {
        "id": "S02", "day": 1, "hour": 8, "span": 26, "en": 12, "ar": 9, "copies": 2,
        "en_titles": [
            "Barrack in Damascus to discuss sanctions relief with Shaibani",
            "US envoy meets Syrian foreign minister on lifting Caesar Act sanctions",
            "Shaibani presses Barrack on sanctions during Damascus visit",
            "Washington signals faster sanctions waivers after Barrack-Shaibani meeting",
        ],
        "en_body": [
            "US envoy Tom Barrack met Syrian Foreign Minister Asaad al-Shaibani in Damascus on Tuesday.",
            "The talks centred on the repeal of the Caesar Act and waivers for banks and reconstruction firms.",
            "Shaibani said sanctions were strangling the economy and blocking the return of refugees.",
            "Barrack told reporters in Damascus that Congress was moving to repeal the Caesar Act.",
            "The visit also touched on the electricity grid, where US-backed projects await licences.",
            "Syrian officials said a Treasury team would follow within a month to review banking rules.",
        ],
        "ar_titles": [
            "براك في دمشق لبحث رفع العقوبات مع الشيباني",
            "الشيباني يطالب المبعوث الأمريكي بإلغاء قانون قيصر",
            "لقاء في دمشق بين الشيباني وبراك حول العقوبات الاقتصادية",
        ],
        "ar_body": [
            "استقبل وزير الخارجية أسعد الشيباني المبعوث الأمريكي توم براك في دمشق يوم الثلاثاء.",
            "تركزت المباحثات على إلغاء قانون قيصر والإعفاءات للمصارف وشركات إعادة الإعمار.",
            "وقال الشيباني إن العقوبات تخنق الاقتصاد وتعيق عودة اللاجئين.",
            "وأكد براك أن الكونغرس يتجه إلى إلغاء قانون قيصر.",
            "وتناول اللقاء مشاريع الكهرباء التي تنتظر تراخيص أمريكية.",
        ],
    },
    {
        "id": "S03", "day": 3, "hour": 2, "span": 20, "en": 13, "ar": 11, "copies": 3,
        "en_titles": [
            "Israeli strikes hit military sites near Damascus airport",
            "Explosions near Damascus International Airport after Israeli air raid",
            "Israel bombs weapons depots south of Damascus, monitor says",
            "Syria condemns Israeli airstrikes on outskirts of capital",
        ],
        "en_body": [
            "Israeli warplanes struck weapons depots near Damascus International Airport early on Thursday.",
            "A war monitor said at least 4 soldiers were killed and 9 wounded in the raids.",
            "Residents of the capital reported loud explosions and fires visible from Mezzeh.",
            "The Israeli army said it targeted air-defence launchers that threatened its aircraft.",
            "The Syrian foreign ministry called the strikes a flagrant violation of sovereignty.",
            "Flights at the airport were briefly suspended and two planes diverted.",
        ],
        "ar_titles": [
            "غارات إسرائيلية على مواقع عسكرية قرب مطار دمشق",
            "انفجارات في محيط مطار دمشق الدولي إثر قصف إسرائيلي",
            "سوريا تدين الغارات الإسرائيلية على ريف العاصمة",
        ],
        "ar_body": [
            "شنت طائرات حربية إسرائيلية غارات على مستودعات أسلحة قرب مطار دمشق الدولي فجر الخميس.",
            "قال مرصد إن 4 جنود قتلوا وأصيب 9 آخرون جراء الغارات.",
            "سمع سكان العاصمة دوي انفجارات قوية وشوهدت النيران من المزة.",
            "واعتبرت الخارجية السورية الغارات انتهاكا صارخا للسيادة.",
            "علقت الرحلات في المطار لفترة قصيرة وتم تحويل طائرتين.",
        ],
    },
    {
        "id": "S04", "day": 4, "hour": 7, "span": 22, "en": 11, "ar": 10, "copies": 2,
        "en_titles": [
            "Israeli troops push into villages in Quneitra countryside",
            "Israeli army incursion in southern Syria's Quneitra sparks protests",
            "Residents confront Israeli patrol in Quneitra village",
        ],
        "en_body": [
            "Israeli forces entered three villages in the Quneitra countryside on Friday and set up a checkpoint.",
            "Residents of Jubata al-Khashab said soldiers searched homes and detained 2 shepherds.",
            "Dozens of villagers protested against the incursion near the buffer zone.",
            "The Israeli army said the operation targeted suspected weapons caches near the frontier.",
            "Local officials in Quneitra said bulldozers razed farmland near the village of Hamidiyah.",
        ],
        "ar_titles": [
            "توغل إسرائيلي في قرى ريف القنيطرة",
            "احتجاجات في القنيطرة على توغل قوات الاحتلال",
            "دورية إسرائيلية تداهم منازل في قرية جباتا الخشب",
        ],
        "ar_body": [
            "توغلت قوات إسرائيلية في ثلاث قرى بريف القنيطرة يوم الجمعة وأقامت حاجزا.",
            "قال أهالي جباتا الخشب إن الجنود فتشوا المنازل واعتقلوا 2 من الرعاة.",
            "تظاهر عشرات الأهالي احتجاجا على التوغل قرب المنطقة العازلة.",
            "وجرفت آليات إسرائيلية أراضي زراعية قرب بلدة الحميدية في القنيطرة.",
        ],
    },
    {
        "id": "S05", "day": 8, "hour": 10, "span": 28, "en": 13, "ar": 10, "copies": 3,
        "en_titles": [
            "Syria and Israel agree de-escalation mechanism at second Paris round",
            "Second round of Paris talks ends with joint hotline deal",
            "Shaibani, Dermer agree to set up communication cell in Amman",
            "Paris talks: Syria and Israel create joint de-confliction cell",
        ],
        "en_body": [
            "Syrian and Israeli delegations agreed in Paris on Tuesday to set up a joint communication cell based in Amman.",
            "The hotline will be supervised by US officials and aims to prevent clashes in the south.",
            "A joint statement said the mechanism would start working within 10 days.",
            "Shaibani said the cell was a technical step and not normalisation.",
            "Dermer called the second round a real breakthrough on de-escalation.",
            "Jordan confirmed it would host the cell and provide logistics.",
        ],
        "ar_titles": [
            "اتفاق سوري إسرائيلي على آلية لخفض التصعيد في جولة باريس الثانية",
            "الجولة الثانية من محادثات باريس تنتهي بخلية اتصال مشتركة في عمان",
            "الشيباني: خلية الاتصال خطوة تقنية وليست تطبيعا",
        ],
        "ar_body": [
            "اتفق الوفدان السوري والإسرائيلي في باريس يوم الثلاثاء على إنشاء خلية اتصال مشتركة مقرها عمان.",
            "ستعمل الخلية بإشراف مسؤولين أمريكيين لمنع الاشتباكات في الجنوب.",
            "وقال بيان مشترك إن الآلية ستبدأ العمل خلال 10 أيام.",
            "وأكد الشيباني أن الخلية خطوة تقنية وليست تطبيعا.",
            "وأكد الأردن أنه سيستضيف الخلية ويقدم الدعم اللوجستي.",
        ],
    },
    {
        "id": "S06", "day": 9, "hour": 15, "span": 30, "en": 12, "ar": 11, "copies": 2,
        "en_titles": [
            "Clashes erupt between government forces and SDF in Aleppo",
            "Fighting in Aleppo's Sheikh Maqsoud district leaves civilians dead",
            "Aleppo: heavy clashes between army and Kurdish-led SDF",
        ],
        "en_body": [
            "Heavy clashes broke out between government forces and the Kurdish-led SDF in Aleppo's Sheikh Maqsoud neighbourhood.",
            "At least 6 civilians were killed and 21 wounded by shelling, the health directorate said.",
            "Hundreds of families fled towards the city centre as mortar rounds fell on residential streets.",
            "The SDF accused Damascus of violating the March agreement on integrating its fighters.",
            "The defence ministry said its units responded to sniper fire from SDF positions.",
        ],
        "ar_titles": [
            "اشتباكات بين القوات الحكومية وقسد في حلب",
            "قتلى مدنيون في اشتباكات حي الشيخ مقصود بحلب",
            "نزوح عائلات من الشيخ مقصود مع تصاعد الاشتباكات",
        ],
        "ar_body": [
            "اندلعت اشتباكات عنيفة بين القوات الحكومية وقسد في حي الشيخ مقصود بمدينة حلب.",
            "قتل 6 مدنيين وأصيب 21 آخرون جراء القصف بحسب مديرية الصحة.",
            "نزحت مئات العائلات نحو وسط المدينة مع سقوط قذائف الهاون على الأحياء السكنية.",
            "واتهمت قسد دمشق بخرق اتفاق آذار بشأن دمج مقاتليها.",
        ],
    },
    {
        "id": "S07", "day": 11, "hour": 4, "span": 18, "en": 10, "ar": 10, "copies": 3,
        "en_titles": [
            "Earthquake in Turkey's Hatay felt across northern Syria",
            "5.6 magnitude quake shakes Hatay, tremors in Aleppo and Latakia",
            "Panic in Latakia as strong earthquake hits southern Turkey",
        ],
        "en_body": [
            "A magnitude 5.6 earthquake struck Turkey's Hatay province before dawn on Saturday.",
            "Tremors were felt in Aleppo, Idlib and Latakia, sending residents into the streets.",
            "Syrian civil defence said 3 old buildings partly collapsed in Idlib with no deaths reported.",
            "AFAD said the quake was centred 8 kilometres deep near Antakya.",
            "Memories of the February 2023 disaster fuelled panic in the region.",
        ],
        "ar_titles": [
            "زلزال في هاتاي التركية يشعر به سكان شمال سوريا",
            "هزة بقوة 5.6 تضرب هاتاي وتصل إلى حلب واللاذقية",
            "هلع في اللاذقية بعد زلزال قوي جنوب تركيا",
        ],
        "ar_body": [
            "ضرب زلزال بقوة 5.6 درجة ولاية هاتاي التركية فجر السبت.",
            "شعر سكان حلب وإدلب واللاذقية بالهزة وخرجوا إلى الشوارع.",
            "قال الدفاع المدني السوري إن 3 مبان قديمة انهارت جزئيا في إدلب دون وفيات.",
            "أعادت الهزة ذكريات كارثة شباط 2023.",
        ],
    },
    {
        "id": "S08", "day": 12, "hour": 11, "span": 30, "en": 11, "ar": 12, "copies": 2,
        "en_titles": [
            "Syria's central bank unveils new lira banknotes without Assad portraits",
            "New Syrian pound notes to enter circulation next month",
            "Central bank governor presents redesigned Syrian currency",
        ],
        "en_body": [
            "The Central Bank of Syria presented new lira banknotes that drop the portraits of the Assad family.",
            "Governor Abdulkader Husrieh said the notes would remove two zeros from the currency.",
            "The new series of 6 denominations will enter circulation in February.",
            "Economists warned the redenomination would not stop inflation without reforms.",
            "Old notes will remain legal tender for a transition period of 12 months.",
        ],
        "ar_titles": [
            "مصرف سوريا المركزي يطرح عملة جديدة دون صور الأسد",
            "الليرة السورية الجديدة تدخل التداول الشهر المقبل",
            "حاكم المصرف المركزي يكشف تصميم الأوراق النقدية الجديدة",
        ],
        "ar_body": [
            "كشف مصرف سوريا المركزي عن أوراق نقدية جديدة لليرة خالية من صور عائلة الأسد.",
            "قال الحاكم عبد القادر حصرية إن العملة الجديدة ستحذف صفرين.",
            "تضم الفئات الجديدة 6 أوراق وستدخل التداول في شباط.",
            "وتبقى الأوراق القديمة صالحة للتداول خلال فترة انتقالية مدتها 12 شهرا.",
        ],
    },
    {
        "id": "S09", "day": 13, "hour": 9, "span": 24, "en": 10, "ar": 10, "copies": 2,
        "en_titles": [
            "Lebanon and Syria hold border demarcation talks in Jeddah",
            "Saudi Arabia hosts Lebanese-Syrian meeting on disputed border",
            "Beirut and Damascus agree committees to mark frontier",
        ],
        "en_body": [
            "Lebanese and Syrian defence ministers met in Jeddah under Saudi sponsorship to discuss border demarcation.",
            "The two sides agreed to form technical committees to mark the frontier and fight smuggling.",
            "Clashes on the border near Hermel killed several people last year.",
            "Saudi officials said the kingdom would fund equipment for border posts.",
        ],
        "ar_titles": [
            "محادثات لبنانية سورية في جدة لترسيم الحدود",
            "السعودية تستضيف اجتماعا لبنانيا سوريا حول الحدود",
            "اتفاق بين بيروت ودمشق على لجان لترسيم الحدود",
        ],
        "ar_body": [
            "التقى وزيرا الدفاع اللبناني والسوري في جدة برعاية سعودية لبحث ترسيم الحدود.",
            "اتفق الطرفان على تشكيل لجان فنية لترسيم الحدود ومكافحة التهريب.",
            "وشهدت الحدود قرب الهرمل اشتباكات دامية العام الماضي.",
            "وقال مسؤولون سعوديون إن المملكة ستمول تجهيز المعابر الحدودية.",
        ],
    },
    {
        "id": "S10", "day": 15, "hour": 12, "span": 30, "en": 12, "ar": 10, "copies": 3,
        "en_titles": [
            "EU lifts sanctions on Syrian banks and airline",
            "European Union removes Commercial Bank of Syria from sanctions list",
            "Brussels eases Syria sanctions, keeps measures on Assad-era figures",
        ],
        "en_body": [
            "The European Union lifted sanctions on the Commercial Bank of Syria and Syrian Arab Airlines on Monday.",
            "EU foreign ministers said the step would help reconstruction and the return of refugees.",
            "Measures against 24 individuals linked to the former government remain in place.",
            "The decision follows a review launched after Assad's fall in December 2024.",
            "Syrian Economy Minister Mohammad Nidal al-Shaar welcomed the move.",
        ],
        "ar_titles": [
            "الاتحاد الأوروبي يرفع العقوبات عن المصارف السورية والخطوط الجوية",
            "رفع المصرف التجاري السوري من قائمة العقوبات الأوروبية",
            "بروكسل تخفف العقوبات على سوريا",
        ],
        "ar_body": [
            "رفع الاتحاد الأوروبي العقوبات عن المصرف التجاري السوري ومؤسسة الطيران العربية السورية يوم الاثنين.",
            "قال وزراء خارجية الاتحاد الأوروبي إن الخطوة تدعم إعادة الإعمار وعودة اللاجئين.",
            "وتبقى العقوبات على 24 شخصا مرتبطين بالحكومة السابقة.",
            "ورحب وزير الاقتصاد السوري محمد نضال الشعار بالقرار.",
        ],
    },
    {
        "id": "S11", "day": 15, "hour": 16, "span": 24, "en": 10, "ar": 12, "copies": 2,
        "en_titles": [
            "Syria raises fuel prices for the second time this year",
            "Petrol and diesel prices go up in Syria amid supply shortage",
            "Ministry hikes fuel prices, queues return to Damascus stations",
        ],
        "en_body": [
            "The Syrian oil ministry raised the price of petrol by 15 percent and diesel by 20 percent.",
            "Long queues formed at petrol stations in Damascus and Homs after the announcement.",
            "Officials blamed delayed tanker deliveries and the cost of imports.",
            "Bakery owners warned bread prices could follow.",
        ],
        "ar_titles": [
            "رفع أسعار المحروقات في سوريا للمرة الثانية هذا العام",
            "زيادة أسعار البنزين والمازوت وسط أزمة توريد",
            "طوابير أمام محطات الوقود في دمشق بعد رفع الأسعار",
        ],
        "ar_body": [
            "رفعت وزارة النفط السورية سعر البنزين بنسبة 15 بالمئة والمازوت بنسبة 20 بالمئة.",
            "اصطفت طوابير طويلة أمام محطات الوقود في دمشق وحمص بعد الإعلان.",
            "وعزا مسؤولون القرار إلى تأخر وصول الناقلات وارتفاع كلفة الاستيراد.",
            "وحذر أصحاب الأفران من ارتفاع سعر الخبز.",
        ],
    },
    {
        "id": "S12", "day": 17, "hour": 10, "span": 26, "en": 12, "ar": 11, "copies": 2,
        "en_titles": [
            "Shaibani meets Fidan in Ankara on security cooperation",
            "Turkish and Syrian foreign ministers discuss SDF integration in Ankara",
            "Ankara talks: Turkey pledges military training for new Syrian army",
        ],
        "en_body": [
            "Syrian Foreign Minister Asaad al-Shaibani met Turkish counterpart Hakan Fidan in Ankara on Wednesday.",
            "The ministers discussed the integration of the SDF into the Syrian army and border security.",
            "Fidan said Turkey would train Syrian officers and help rebuild air defences.",
            "The two sides also signed a memorandum on water sharing from the Euphrates.",
            "Shaibani thanked Ankara for hosting millions of refugees.",
        ],
        "ar_titles": [
            "الشيباني يلتقي فيدان في أنقرة لبحث التعاون الأمني",
            "وزيرا خارجية سوريا وتركيا يبحثان دمج قسد في أنقرة",
            "تركيا تتعهد بتدريب الجيش السوري الجديد",
        ],
        "ar_body": [
            "التقى وزير الخارجية السوري أسعد الشيباني نظيره التركي هاكان فيدان في أنقرة يوم الأربعاء.",
            "بحث الوزيران دمج قسد في الجيش السوري وأمن الحدود.",
            "وقال فيدان إن تركيا ستدرب ضباطا سوريين وتساعد في إعادة بناء الدفاعات الجوية.",
            "ووقع الجانبان مذكرة تفاهم حول تقاسم مياه الفرات.",
        ],
    },
    {
        "id": "S13", "day": 19, "hour": 9, "span": 28, "en": 12, "ar": 10, "copies": 3,
        "en_titles": [
            "Third round of Syria-Israel talks in Paris postponed",
            "Syria suspends Paris security talks after Israeli raid in Beit Jinn",
            "Damascus pulls out of planned Paris meeting with Israel",
        ],
        "en_body": [
            "Syria postponed the third round of security talks with Israel that was due in Paris on Friday.",
            "Damascus cited an Israeli raid in Beit Jinn that killed 13 people, including children.",
            "US envoy Tom Barrack said he was working to reschedule the meeting.",
            "Israeli officials said the Beit Jinn operation targeted a militant cell.",
            "Shaibani said no talks could take place under fire.",
        ],
        "ar_titles": [
            "تأجيل الجولة الثالثة من المحادثات السورية الإسرائيلية في باريس",
            "دمشق تعلق محادثات باريس بعد مجزرة بيت جن",
            "سوريا تنسحب من اجتماع باريس مع إسرائيل",
        ],
        "ar_body": [
            "أجلت سوريا الجولة الثالثة من المحادثات الأمنية مع إسرائيل التي كانت مقررة في باريس يوم الجمعة.",
            "وأشارت دمشق إلى هجوم إسرائيلي على بيت جن أودى بحياة 13 شخصا بينهم أطفال.",
            "وقال المبعوث الأمريكي توم براك إنه يعمل على تحديد موعد جديد.",
            "وقال الشيباني إنه لا محادثات تحت النار.",
        ],
    },
    {
        "id": "S14", "day": 19, "hour": 14, "span": 24, "en": 10, "ar": 10, "copies": 2,
        "en_titles": [
            "Damascus airport resumes direct flights to Europe",
            "First commercial flight from Damascus lands in Berlin",
            "Syrian Arab Airlines restarts European routes after 14 years",
        ],
        "en_body": [
            "A Syrian Arab Airlines plane landed in Berlin on Thursday, the first direct flight to Europe in 14 years.",
            "The airline plans 3 weekly flights to Berlin and 2 to Stockholm.",
            "Passengers, many of them refugees visiting family, cheered on landing.",
            "The aviation authority said the runway and terminal at Damascus were renovated in recent months.",
        ],
        "ar_titles": [
            "مطار دمشق يستأنف الرحلات المباشرة إلى أوروبا",
            "أول رحلة تجارية من دمشق تهبط في برلين",
            "السورية للطيران تعيد تشغيل خطوطها الأوروبية بعد 14 عاما",
        ],
        "ar_body": [
            "هبطت طائرة تابعة للسورية للطيران في برلين يوم الخميس في أول رحلة مباشرة إلى أوروبا منذ 14 عاما.",
            "تخطط الشركة لتسيير 3 رحلات أسبوعية إلى برلين ورحلتين إلى ستوكهولم.",
            "وصفق الركاب ومعظمهم لاجئون يزورون عائلاتهم عند الهبوط.",
            "وقالت هيئة الطيران إن المدرج والمبنى في مطار دمشق جرى تأهيلهما خلال الأشهر الماضية.",
        ],
    },
]

EN_OUTLETS = [
    "Levant Wire", "Gulf Daily", "Beirut Observer", "Anatolia News English", "Tehran Times English",
    "Damascus Today", "Middle East Monitor Desk", "Northern Agency", "Syria Direct Desk", "Amman Post",
]
AR_OUTLETS = [
    "سانا", "الجزيرة نت", "العربية", "تسنيم", "عنب بلدي", "الشرق الأوسط", "تلفزيون سوريا", "النهار",
    "المدن", "الوطن",
]

EN_FILLER = [
    "The foreign ministry did not respond to a request for comment.",
    "This is a developing story and will be updated.",
    "The report could not be independently verified.",
    "Additional reporting by our correspondent.",
]
AR_FILLER = [
    "ولم يتسن التحقق من المعلومات بشكل مستقل.",
    "الخبر قيد المتابعة وسيتم تحديثه.",
    "ولم ترد الوزارة على طلب للتعليق.",
]

# Reports written freely, outside each story's sentence pool: other words, other angles (a
# reaction, an analysis, a short flash). They are what makes recall honest. Each is
# (story, language, hours after the story starts, title, body).
FREE = [
    ("S01", "en", 6, "Analysis: why Damascus agreed to sit across from Dermer",
     "For a government that spent decades refusing direct contact, the Paris meeting is a gamble. "
     "Shaibani needs Washington's goodwill on sanctions and a quieter southern front."),
    ("S01", "en", 12, "Opposition figures split over Paris meeting with Israeli minister",
     "Some exiled politicians called the encounter in the French capital a betrayal, others a necessary step "
     "to stop Israeli raids in Quneitra and Daraa."),
    ("S01", "ar", 8, "قراءة: لماذا قبلت دمشق الجلوس مع ديرمر؟",
     "يرى محللون أن الشيباني يراهن على رضا واشنطن لتخفيف العقوبات وتهدئة الجبهة الجنوبية."),
    ("S01", "ar", 14, "انقسام في أوساط المعارضة حول لقاء باريس",
     "وصف معارضون في الخارج اللقاء مع الوزير الإسرائيلي بأنه خيانة فيما اعتبره آخرون ضرورة لوقف الغارات."),
    ("S02", "en", 5, "Flash: Caesar Act on the table as envoy lands in Damascus",
     "Tom Barrack arrived in the Syrian capital for meetings with the foreign minister focused on economic penalties."),
    ("S02", "ar", 6, "عاجل: براك يصل دمشق وملف قيصر على الطاولة",
     "وصل المبعوث الأمريكي إلى العاصمة السورية لعقد لقاءات مع وزير الخارجية تتناول العقوبات الاقتصادية."),
    ("S03", "en", 3, "Night of blasts: residents of Damascus describe Israeli raid",
     "\"The windows shook for ten minutes,\" said a resident near the airport road after the overnight strikes."),
    ("S03", "ar", 4, "ليلة الانفجارات: سكان دمشق يروون تفاصيل الغارة الإسرائيلية",
     "قال أحد سكان طريق المطار إن النوافذ اهتزت لعشر دقائق بعد الغارات الليلية."),
    ("S04", "en", 6, "UN observers voice concern over Israeli moves in Quneitra",
     "UNDOF said it was monitoring the presence of Israeli troops and bulldozers in villages near the buffer zone."),
    ("S04", "ar", 7, "قلق أممي من تحركات إسرائيلية في القنيطرة",
     "قالت قوة الأمم المتحدة إنها تراقب وجود جنود وجرافات إسرائيلية في قرى قرب المنطقة العازلة."),
    ("S05", "en", 10, "What the Amman hotline means for Syria's south",
     "A direct line between Syrian and Israeli officers, run from Jordan, could cut the risk of clashes, "
     "but Damascus stresses it is not normalisation."),
    ("S05", "ar", 9, "ماذا تعني خلية عمان للجنوب السوري؟",
     "قد يخفف خط الاتصال المباشر بين ضباط سوريين وإسرائيليين من مخاطر الاشتباك بحسب خبراء."),
    ("S06", "en", 8, "Aid groups call for ceasefire in Sheikh Maqsoud",
     "Humanitarian organisations urged both sides in Aleppo to open corridors for trapped families."),
    ("S06", "ar", 9, "منظمات إغاثة تطالب بوقف إطلاق النار في الشيخ مقصود",
     "دعت منظمات إنسانية الطرفين في حلب إلى فتح ممرات للعائلات العالقة."),
    ("S07", "en", 2, "Flash: strong tremor felt in Aleppo",
     "Residents of Aleppo and Latakia ran into the streets after an earthquake centred in southern Turkey."),
    ("S07", "ar", 2, "عاجل: هزة أرضية قوية يشعر بها سكان حلب",
     "خرج سكان حلب واللاذقية إلى الشوارع بعد زلزال مركزه جنوب تركيا."),
    ("S08", "en", 10, "Traders in Damascus wary of new currency",
     "Money changers said customers were asking whether old lira notes would lose value after the redesign."),
    ("S08", "ar", 10, "تجار دمشق يترقبون العملة الجديدة بحذر",
     "قال صرافون إن الزبائن يسألون عما إذا كانت الأوراق القديمة ستفقد قيمتها."),
    ("S10", "en", 8, "Syrian bankers hope EU move unlocks transfers",
     "Bankers in Damascus said the European Union decision could restore correspondent accounts within months."),
    ("S10", "ar", 9, "مصرفيون سوريون يأملون أن يفتح القرار الأوروبي باب التحويلات",
     "قال مصرفيون في دمشق إن قرار الاتحاد الأوروبي قد يعيد الحسابات المراسلة خلال أشهر."),
    ("S11", "en", 6, "Drivers queue for hours as Syria hikes petrol price",
     "Taxi drivers in Homs said the new fuel prices would force them to raise fares."),
    ("S11", "ar", 6, "سائقون ينتظرون لساعات بعد رفع سعر البنزين",
     "قال سائقو سيارات الأجرة في حمص إن أسعار الوقود الجديدة ستجبرهم على رفع الأجرة."),
    ("S12", "en", 8, "Fidan: Turkey ready to help rebuild Syria's army",
     "Speaking after talks with Shaibani in Ankara, the Turkish foreign minister said training would start this year."),
    ("S12", "ar", 8, "فيدان: تركيا مستعدة للمساعدة في إعادة بناء الجيش السوري",
     "قال وزير الخارجية التركي بعد مباحثاته مع الشيباني في أنقرة إن التدريب سيبدأ هذا العام."),
    ("S13", "en", 6, "Beit Jinn funerals as Damascus calls off Paris round",
     "Thousands attended funerals in Beit Jinn while the government said the Paris meeting with Israel would not go ahead."),
    ("S13", "ar", 6, "تشييع ضحايا بيت جن ودمشق تلغي جولة باريس",
     "شارك الآلاف في تشييع ضحايا بيت جن فيما أعلنت الحكومة عدم عقد اجتماع باريس مع إسرائيل."),
    ("S14", "en", 6, "Families reunite at Berlin airport as Damascus route reopens",
     "Relatives waited with flowers for the first Syrian Arab Airlines passengers to arrive in Germany."),
    ("S14", "ar", 6, "لقاءات عائلية في مطار برلين مع عودة خط دمشق",
     "انتظر أقارب بالورود وصول أول ركاب السورية للطيران إلى ألمانيا."),
]


# What every part of the set shares: built items get ids and links in time order and are written
# as JSON; make_items.py, heldout.py and heldout2.py all end with `write_items`.

def written_reports(reports, starts, copies):
    """Items for freely written reports, (story, language, outlet, minutes, title, body) each,
    plus their wire copies, (index of the copied report, outlet, minutes later, how) each."""
    items = []
    for story, language, outlet, minutes, title, body in reports:
        items.append({
            "story": story, "language": language, "outlet": outlet, "title": title, "body": body,
            "published": starts[story] + timedelta(minutes=minutes), "copy": False, "free": True,
        })
    for index, outlet, minutes, kind in copies:
        original = items[index]
        copy = dict(original, outlet=outlet, published=original["published"] + timedelta(minutes=minutes),
                    copy=True, free=False, copy_of=original)
        if kind == "credited":
            copy["body"] = original["body"] + " (" + original["outlet"] + ")"
        items.append(copy)
    return items


def write_items(items, prefix, path, more_outlets=()):
    """Numbers `items` in time order (`prefix` + 001, ...), gives each its outlet's link, and
    writes them to `path`. `more_outlets` names outlets of one part beyond the shared lists (their
    links number after them)."""
    items.sort(key=lambda item: (item["published"], item["title"]))
    for index, item in enumerate(items):
        item["id"] = "%s%03d" % (prefix, index + 1)
    for item in items:
        if "copy_of" in item:
            item["copy_of"] = item["copy_of"]["id"]
        slug = "%s-%s" % (item["story"].lower(), item["id"])
        item["link"] = "https://outlet%02d.example/news/%s" % ((EN_OUTLETS + AR_OUTLETS + list(more_outlets)).index(item["outlet"]), slug)
        item["published"] = item["published"].strftime("%Y-%m-%dT%H:%M:%SZ")
        item.setdefault("copy", False)
        item.setdefault("free", False)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(items, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(len(items), "items")
