// The synthetic vocabulary of the store benchmarks (store_bench, store_scale_bench):
// 60 countries (listed by news frequency; benchmarks draw them Zipf-weighted),
// sector codes and CAMEO codes, so both measure stores of the same shape.
#pragma once

namespace dyad::bench {

const char* kCountries[] = {"USA", "CHN", "RUS", "GBR", "FRA", "DEU", "ISR", "IRN", "UKR", "IND", "PAK", "TUR",
                            "SYR", "IRQ", "SAU", "EGY", "JPN", "KOR", "PRK", "AFG", "AZE", "ARM", "GEO", "BLR",
                            "POL", "ITA", "ESP", "CAN", "MEX", "BRA", "ARG", "VEN", "COL", "NGA", "ETH", "SDN",
                            "SSD", "KEN", "SOM", "LBY", "TUN", "DZA", "MAR", "QAT", "ARE", "YEM", "LBN", "JOR",
                            "PSE", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "KAZ", "UZB"};
const char* kSectors[] = {"", "", "GOV", "MIL", "REB", "OPP", "BUS", "MED"};
const char* kCameo[] = {"010", "012", "013", "020", "036", "040", "042", "043", "046", "051", "057", "061",
                        "071", "073", "0233", "111", "112", "1121", "120", "128", "130", "138", "140", "141",
                        "160", "163", "166", "172", "173", "180", "181", "190", "193", "194", "195", "200",
                        "050", "080", "090", "100"};

}  // namespace dyad::bench
