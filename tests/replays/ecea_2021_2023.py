"""Esports Championships East Asia (ECEA; 한중일 e스포츠 대회 / 日中韓eスポーツ大会), the
government-led Korea-China-Japan national-team competition, 2021 (Seoul) and 2023 (Yeosu):
each title's final places by nation and the overall nation table as published.

Plain data only (standard library, no imports).

RULES, as the sources state them: each title ranks the three nations; the overall winner
is decided by points for those places ("최종 우승국은 종목별 순위에 따라 차등 점수를
합산": yonhap via wowkorea.jp 2021-09-11). zdnet.co.kr (2021-09-13) gives "1위에게는 10점,
2위에게는 6점, 3위에게는 3점", but every published total below is 10, 6 and 5 (the
service's default nation points), not 3: 2021 China 32, Korea 31, Japan 21 (= 10+10+6+6,
10+10+6+5, 6+5+5+5); 2023 Japan 30, China 27, Korea 27. In 2021 only the four official
titles count (the exhibition title, Dungeon & Fighter, won by China, would make 42).
TIEBREAK: 2023's China and Korea were level on 27 points and on titles won (one each);
China was placed 2nd because it won the title the host nation had nominated (PUBG Mobile,
nominated by Korea): "두 국가 모두 27포인트로 동률이었으나 한국이 추천한 배그 모바일
종목에서 중국이 우승하며 규칙에 따라 2위" (kmib.co.kr 2023-12-19; the same in
isplus.com 2023-12-18 and thebigdata.co.kr 2023-12-19). The service has this tiebreaker
as an option: a tournament's ``nation_decider`` names the event whose placings split
nations level on points (without it: titles won, then match wins minus losses between
nations; then a shared rank).
Each nation fields one team (or one roster) per title, so "best" and "every" nation
scoring give the same table.

SOURCES
  2021: zdnet.co.kr/view/?no=20210913104938 ("한중일 e스포츠대회 폐막 ... 한국 종합 2위"):
    China won Clash Royale and PES 2021 (and the exhibition), 2nd in LoL and PUBG; Korea
    won LoL and PUBG, missed the PES final; Japan 2nd in PES 2021, out of every other
    final; totals China 32, Korea 31; Japan 21 (inven.co.kr news 282370; Yonhap in
    Japanese: "韓国選手団は...総合ポイント31点となり、中国(32点)に次いで準優勝となった。
    日本は21点で3位"). Korea reached the Clash Royale final (the same Yonhap piece:
    "韓国は正式種目のうち、「eFootball ウイニングイレブン」を除く3種目で決勝戦に進出").
  2023: sporbiz.co.kr 673917, isplus.com isp202312180083, kmib.co.kr 0018986410: Japan
    won eFootball (2-0 v China) and Apex Legends (2-0 v Korea); Korea won LoL (2-0 v
    China); China won PUBG Mobile (2-1 v Korea); overall Japan, China, Korea.
"""

# title: nations in final place order (1st, 2nd, 3rd)
ECEA_2021 = {
    "League of Legends": ["KR", "CN", "JP"],
    "PUBG": ["KR", "CN", "JP"],
    "Clash Royale": ["CN", "KR", "JP"],
    "PES 2021": ["CN", "JP", "KR"],
}
ECEA_2021_TABLE = [(1, "CN", 32, 2), (2, "KR", 31, 2), (3, "JP", 21, 0)]  # rank, pts, titles

ECEA_2023 = {
    "eFootball": ["JP", "CN", "KR"],
    "PUBG Mobile": ["CN", "KR", "JP"],
    "League of Legends": ["KR", "CN", "JP"],
    "Apex Legends": ["JP", "KR", "CN"],
}
ECEA_2023_TABLE = [(1, "JP", 30, 2), (2, "CN", 27, 1), (3, "KR", 27, 1)]
ECEA_2023_HOST_TITLE = "PUBG Mobile"  # nominated by the host, Korea: decides a tie
