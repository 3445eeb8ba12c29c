"""The demo's teams, players and maps (en, ko, ja, nation): who plays in it, not how."""

from __future__ import annotations

LOL_TEAMS = [  # (en, ko, ja, nation, players)
    ("Seoul Tigers", "서울 타이거즈", "ソウル・タイガース", "KR", ["Faker9", "Canyon", "Zeka", "Ruler", "Keria"]),
    ("Tokyo Ronin", "도쿄 로닌", "東京ローニン", "JP", ["Evi", "Steal", "Aria", "Yutapon", "Gaeng"]),
    ("Busan Waves", "부산 웨이브즈", "釜山ウェーブス", "KR", ["Kiin", "Oner", "Chovy", "Gumayusi", "Lehends"]),
    ("Osaka Blaze", "오사카 블레이즈", "大阪ブレイズ", "JP", ["Paz", "Cassin", "DasheR", "Marble", "Vsta"]),
    ("Incheon Falcons", "인천 팔콘스", "仁川ファルコンズ", "KR", ["Doran", "Peanut", "Bdd", "Viper", "Delight"]),
    ("Fukuoka Sparks", "후쿠오카 스파크스", "福岡スパークス", "JP", ["Tol2", "Hachani", "Recap", "Kakkun", "Harp"]),
    ("Daegu Storm", "대구 스톰", "大邱ストーム", "KR", ["Kingen", "Cuzz", "Clozer", "Aiming", "BeryL"]),
    ("Sapporo Frost", "삿포로 프로스트", "札幌フロスト", "JP", ["Nap", "Once", "Megumiin", "Jett", "Hoglet"]),
]
EFOOTBALL = [
    ("Kim Min-jun", "김민준", "キム・ミンジュン", "KR"), ("Sato Haruto", "사토 하루토", "佐藤陽翔", "JP"),
    ("Lee Seo-yeon", "이서연", "イ・ソヨン", "KR"), ("Suzuki Yui", "스즈키 유이", "鈴木結衣", "JP"),
    ("Park Ji-ho", "박지호", "パク・ジホ", "KR"), ("Takahashi Ren", "다카하시 렌", "高橋蓮", "JP"),
    ("Choi Yu-na", "최유나", "チェ・ユナ", "KR"), ("Tanaka Aoi", "다나카 아오이", "田中葵", "JP"),
]
TEKKEN = [
    ("Han Seung-woo", "한승우", "ハン・スンウ", "KR"), ("Yamamoto Sora", "야마모토 소라", "山本空", "JP"),
    ("Yoon Da-eun", "윤다은", "ユン・ダウン", "KR"), ("Nakamura Riku", "나카무라 리쿠", "中村陸", "JP"),
    ("Jung Hyun", "정현", "チョン・ヒョン", "KR"), ("Kobayashi Mei", "고바야시 메이", "小林芽依", "JP"),
]

PUBG_SQUADS = [  # 16 squads in one lobby (en, ko, ja, nation)
    ("Seoul Vipers", "서울 바이퍼즈", "ソウル・バイパーズ", "KR"),
    ("Tokyo Hawks", "도쿄 호크스", "東京ホークス", "JP"),
    ("Busan Raiders", "부산 레이더스", "釜山レイダース", "KR"),
    ("Osaka Wolves", "오사카 울브스", "大阪ウルブズ", "JP"),
    ("Incheon Eagles", "인천 이글스", "仁川イーグルス", "KR"),
    ("Nagoya Foxes", "나고야 폭스", "名古屋フォックス", "JP"),
    ("Daegu Sharks", "대구 샤크스", "大邱シャークス", "KR"),
    ("Kobe Titans", "고베 타이탄스", "神戸タイタンズ", "JP"),
    ("Gwangju Lions", "광주 라이온즈", "光州ライオンズ", "KR"),
    ("Kyoto Dragons", "교토 드래곤즈", "京都ドラゴンズ", "JP"),
    ("Daejeon Bears", "대전 베어스", "大田ベアーズ", "KR"),
    ("Sendai Owls", "센다이 아울스", "仙台アウルズ", "JP"),
    ("Ulsan Whales", "울산 웨일즈", "蔚山ホエールズ", "KR"),
    ("Hiroshima Carp", "히로시마 카프", "広島カープ", "JP"),
    ("Suwon Knights", "수원 나이츠", "水原ナイツ", "KR"),
    ("Yokohama Stars", "요코하마 스타즈", "横浜スターズ", "JP"),
]

VALORANT_CITIES = [
    ("Seoul", "서울", "ソウル", "KR"), ("Tokyo", "도쿄", "東京", "JP"),
    ("Busan", "부산", "釜山", "KR"), ("Osaka", "오사카", "大阪", "JP"),
    ("Incheon", "인천", "仁川", "KR"), ("Nagoya", "나고야", "名古屋", "JP"),
    ("Daegu", "대구", "大邱", "KR"), ("Fukuoka", "후쿠오카", "福岡", "JP"),
    ("Daejeon", "대전", "大田", "KR"), ("Sapporo", "삿포로", "札幌", "JP"),
    ("Gwangju", "광주", "光州", "KR"), ("Kobe", "고베", "神戸", "JP"),
    ("Ulsan", "울산", "蔚山", "KR"), ("Kyoto", "교토", "京都", "JP"),
    ("Suwon", "수원", "水原", "KR"), ("Yokohama", "요코하마", "横浜", "JP"),
]


VALORANT_MAPS = ["Ascent", "Bind", "Haven", "Lotus", "Split", "Sunset", "Icebox"]

STATIONS = [  # where in the hall each match is played (en, ko, ja): its stages and booths
    ("Main stage", "메인 무대", "メインステージ"),
    ("Stage B", "B 무대", "Bステージ"),
    ("Stage C", "C 무대", "Cステージ"),
    *((f"Booth {n}", f"{n}번 부스", f"ブース{n}") for n in range(1, 6)),
]
