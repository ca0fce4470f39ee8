"""Country codes the datasets use, turned into ISO 3166-1 alpha-3: ACLED's `iso` (ISO numeric) and
GDELT's `ActionGeo_CountryCode` (FIPS 10-4). One entry per country: alpha-3, numeric, FIPS ("-": none)."""

from __future__ import annotations

from functools import cache

_TABLE = """
AND 020 AN  ARE 784 AE  AFG 004 AF  ATG 028 AC  AIA 660 AV  ALB 008 AL  ARM 051 AM  AGO 024 AO  ATA 010 AY
ARG 032 AR  ASM 016 AQ  AUT 040 AU  AUS 036 AS  ABW 533 AA  ALA 248 -   AZE 031 AJ  BIH 070 BK  BRB 052 BB
BGD 050 BG  BEL 056 BE  BFA 854 UV  BGR 100 BU  BHR 048 BA  BDI 108 BY  BEN 204 BN  BLM 652 TB  BMU 060 BD
BRN 096 BX  BOL 068 BL  BES 535 -   BRA 076 BR  BHS 044 BF  BTN 064 BT  BVT 074 BV  BWA 072 BC  BLR 112 BO
BLZ 084 BH  CAN 124 CA  CCK 166 CK  COD 180 CG  CAF 140 CT  COG 178 CF  CHE 756 SZ  CIV 384 IV  COK 184 CW
CHL 152 CI  CMR 120 CM  CHN 156 CH  COL 170 CO  CRI 188 CS  CUB 192 CU  CPV 132 CV  CUW 531 UC  CXR 162 KT
CYP 196 CY  CZE 203 EZ  DEU 276 GM  DJI 262 DJ  DNK 208 DA  DMA 212 DO  DOM 214 DR  DZA 012 AG  ECU 218 EC
EST 233 EN  EGY 818 EG  ESH 732 WI  ERI 232 ER  ESP 724 SP  ETH 231 ET  FIN 246 FI  FJI 242 FJ  FLK 238 FK
FSM 583 FM  FRO 234 FO  FRA 250 FR  GAB 266 GB  GBR 826 UK  GRD 308 GJ  GEO 268 GG  GUF 254 FG  GGY 831 GK
GHA 288 GH  GIB 292 GI  GRL 304 GL  GMB 270 GA  GIN 324 GV  GLP 312 GP  GNQ 226 EK  GRC 300 GR  SGS 239 SX
GTM 320 GT  GUM 316 GQ  GNB 624 PU  GUY 328 GY  HKG 344 HK  HMD 334 HM  HND 340 HO  HRV 191 HR  HTI 332 HA
HUN 348 HU  IDN 360 ID  IRL 372 EI  ISR 376 IS  IMN 833 IM  IND 356 IN  IOT 086 IO  IRQ 368 IZ  IRN 364 IR
ISL 352 IC  ITA 380 IT  JEY 832 JE  JAM 388 JM  JOR 400 JO  JPN 392 JA  KEN 404 KE  KGZ 417 KG  KHM 116 CB
KIR 296 KR  COM 174 CN  KNA 659 SC  PRK 408 KN  KOR 410 KS  KWT 414 KU  CYM 136 CJ  KAZ 398 KZ  LAO 418 LA
LBN 422 LE  LCA 662 ST  LIE 438 LS  LKA 144 CE  LBR 430 LI  LSO 426 LT  LTU 440 LH  LUX 442 LU  LVA 428 LG
LBY 434 LY  MAR 504 MO  MCO 492 MN  MDA 498 MD  MNE 499 MJ  MAF 663 RN  MDG 450 MA  MHL 584 RM  MKD 807 MK
MLI 466 ML  MMR 104 BM  MNG 496 MG  MAC 446 MC  MNP 580 CQ  MTQ 474 MB  MRT 478 MR  MSR 500 MH  MLT 470 MT
MUS 480 MP  MDV 462 MV  MWI 454 MI  MEX 484 MX  MYS 458 MY  MOZ 508 MZ  NAM 516 WA  NCL 540 NC  NER 562 NG
NFK 574 NF  NGA 566 NI  NIC 558 NU  NLD 528 NL  NOR 578 NO  NPL 524 NP  NRU 520 NR  NIU 570 NE  NZL 554 NZ
OMN 512 MU  PAN 591 PM  PER 604 PE  PYF 258 FP  PNG 598 PP  PHL 608 RP  PAK 586 PK  POL 616 PL  SPM 666 SB
PCN 612 PC  PRI 630 RQ  PSE 275 WE  PRT 620 PO  PLW 585 PS  PRY 600 PA  QAT 634 QA  REU 638 RE  ROU 642 RO
SRB 688 RI  RUS 643 RS  RWA 646 RW  SAU 682 SA  SLB 090 BP  SYC 690 SE  SDN 729 SU  SWE 752 SW  SGP 702 SN
SHN 654 SH  SVN 705 SI  SJM 744 SV  SVK 703 LO  SLE 694 SL  SMR 674 SM  SEN 686 SG  SOM 706 SO  SUR 740 NS
SSD 728 OD  STP 678 TP  SLV 222 ES  SXM 534 NN  SYR 760 SY  SWZ 748 WZ  TCA 796 TK  TCD 148 CD  ATF 260 FS
TGO 768 TO  THA 764 TH  TJK 762 TI  TKL 772 TL  TLS 626 TT  TKM 795 TX  TUN 788 TS  TON 776 TN  TUR 792 TU
TTO 780 TD  TUV 798 TV  TWN 158 TW  TZA 834 TZ  UKR 804 UP  UGA 800 UG  UMI 581 -   USA 840 US  URY 858 UY
UZB 860 UZ  VAT 336 VT  VCT 670 VC  VEN 862 VE  VGB 092 VI  VIR 850 VQ  VNM 704 VM  VUT 548 NH  WLF 876 WF
WSM 882 WS  YEM 887 YM  MYT 175 MF  ZAF 710 SF  ZMB 894 ZA  ZWE 716 ZI  XKX 000 KV
"""
# FIPS codes of places ISO counts inside another entry: Gaza Strip, Jan Mayen, the US minor islands.
_MORE_FIPS = {"GZ": "PSE", "JN": "SJM", **dict.fromkeys(["FQ", "HQ", "DQ", "JQ", "KQ", "MQ", "BQ", "LQ", "WQ"], "UMI")}


def _entries() -> list[tuple[str, str, str]]:
    words = _TABLE.split()
    return [(words[i], words[i + 1], words[i + 2]) for i in range(0, len(words), 3)]


@cache
def numeric_to_iso3() -> dict[str, str]:
    """ISO numeric (without leading zeros, as ACLED writes it; Kosovo is 0 in ACLED) → alpha-3."""
    return {str(int(numeric)): alpha3 for alpha3, numeric, _ in _entries()}


@cache
def fips_to_iso3() -> dict[str, str]:
    return {fips: alpha3 for alpha3, _, fips in _entries() if fips != "-"} | _MORE_FIPS


def map_sql(mapping: dict[str, str], key: str) -> str:
    """SQL looking `key` (an expression) up in `mapping`; NULL when absent. (No braces: the importer
    fills optional columns into select expressions with str.format.)"""
    keys = ", ".join("'" + k.replace("'", "''") + "'" for k in mapping)
    values = ", ".join("'" + v.replace("'", "''") + "'" for v in mapping.values())
    return f"[{values}][list_position([{keys}], {key})]"
