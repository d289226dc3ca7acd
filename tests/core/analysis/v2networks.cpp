// SPDX-License-Identifier: MIT
#include "tests/core/analysis/v2networks.h"

#include "tests/support/testsupport.h"

namespace chokepoint::test {

core::Dataset rulesNetwork(const std::string& companyCountry) {
    core::Dataset d = datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nUSA,United States\nMAR,Morocco\n"
                      "KOR,Korea\n"},
        {"profile", "key,value\ncompany_name,Rules AG\ncompany_country,DEU\n"
                    "reference_cutoff,2026-01-31\n"},
        {"materials", "id,name,stage\nore,Ore,mining\ngra,Graphite,mining\nge,Germanium,refining\n"
                      "lfp,LFP,cathode\nanode,Anode,anode\ncat,Cathode,cathode\nmag,Magnet,magnet\n"
                      "mag2,Magnet 2,magnet\n"},
        {"recipes", "material_id,input_material_id\nlfp,ore\nanode,gra\n"},
        {"world_shares", "material_id,country,share\nore,CHN,0.5\nore,MAR,0.2\nore,KOR,0.15\n"
                         "gra,CHN,0.9\nge,CHN,0.6\nge,USA,0.1\nlfp,CHN,0.7\nlfp,KOR,0.2\n"
                         "cat,CHN,0.6\ncat,KOR,0.3\n"},
        {"technologies", "id,name\ntl,Cathode process\n"},
        {"controls", "id,issuer,title,effective,end,kind,target_country,status\n"
                     "cOre,CHN,Ore,2024-01-01,,licence,,confirmed\n"
                     "cMa,MAR,Moroccan ore,2024-01-01,,licence,,\n"
                     "cUs,CHN,Graphite to the US,2024-12-03,,country_ban,USA,confirmed\n"
                     "cTech,CHN,Cathode technology,2025-07-15,,licence,,\n"
                     "cGe,CHN,Germanium,2025-10-09,2025-11-10,licence,,confirmed\n"
                     "cGeR,CHN,Germanium resumes,2026-11-10,,licence,,scheduled\n"
                     "cMag,CHN,Magnets,2024-01-01,,licence,,\n"},
        {"control_items", "control_id,item_kind,item_id\ncOre,material,ore\ncMa,material,ore\n"
                          "cUs,material,gra\ncTech,technology,tl\ncGe,material,ge\n"
                          "cGeR,material,ge\ncMag,material,mag\n"},
        {"suppliers", "id,name\nsup,Supplier\n"},
        {"sites", "id,supplier_id,country\ncnMine,sup,CHN\nmaMine,sup,MAR\ncnRef,sup,CHN\n"
                  "maRef,sup,MAR\nmaCat,sup,MAR\ncnCat,sup,CHN\nkrCat,sup,KOR\nkrCatU,sup,KOR\n"
                  "usAnode,sup,USA\nkrMag,sup,KOR\n"},
        {"site_technologies", "site_id,technology_id,source_country\nmaCat,tl,CHN\ncnCat,tl,CHN\n"
                              "krCat,tl,KOR\nkrCatU,tl,\n"},
        {"products", "id,name,annual_volume,unit_price\nP,Pack,100,10\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\nP,lfp,1\nP,cat,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   "cnRef,ore,cnMine,1.0,\nmaRef,ore,cnMine,0.8,\nusAnode,gra,cnMine,1.0,\n"
                   ",ore,maMine,0.5,50\n,lfp,cnRef,0.5,100\n,lfp,maRef,0.5,100\n"
                   ",cat,maCat,0.25,\n,cat,cnCat,0.25,\n,cat,krCat,0.25,\n,cat,krCatU,0.25,\n"
                   ",anode,usAnode,1.0,\n,gra,cnMine,1.0,\n,ge,cnMine,1.0,\n"
                   ",mag,krMag,0.5,\n,mag2,krMag,0.5,\n"},
    });
    if (companyCountry.empty())
        d.profile.companyCountry.reset();
    else
        d.profile.companyCountry = companyCountry;
    return d;
}

} // namespace chokepoint::test
