// SPDX-License-Identifier: MIT
#include "tests/core/analysis/exposurenetworks.h"

#include "tests/support/testsupport.h"

namespace chokepoint::test {

core::Dataset networkA() {
    return datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nUSA,United States\nDEU,Germany\nKOR,Korea\n"
                      "IDN,Indonesia\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nref,Refined,refining\ncat,Cathode,cathode\n"
                      "gra,Graphite,mining\ncell,Cell,cell\n"},
        {"recipes", "material_id,input_material_id,qty_per_unit\ncell,cat,1\ncell,gra,2\n"
                    "cat,ref,1\nref,ore,3\n"},
        {"world_shares", "material_id,country,share\nore,CHN,0.2\nore,IDN,0.5\nref,CHN,0.6\n"
                         "ref,KOR,0.2\ncat,CHN,0.5\ncat,KOR,0.3\ncat,USA,0.2\ngra,CHN,0.8\n"
                         "gra,USA,0.1\ncell,CHN,0.7\ncell,KOR,0.2\ncell,DEU,0.1\n"},
        {"technologies", "id,name\nt1,Tech one\nt2,Tech two\n"},
        {"controls", "id,issuer,title,effective,end,kind\n"
                     "c1,CHN,Graphite,2024-01-01,,licence\n"
                     "c2,CHN,Tech one,2025-07-15,,licence\n"
                     "c3,CHN,Refined,2025-01-01,2025-06-01,prohibition\n"
                     "c4,IDN,Ore,2026-01-01,,country_ban\n"},
        {"control_items", "control_id,item_kind,item_id\nc1,material,gra\nc2,technology,t1\n"
                          "c3,material,ref\nc4,material,ore\n"},
        {"suppliers", "id,name,hq_country,owner_country\nsupA,A,USA,USA\nsupB,B,KOR,CHN\n"
                      "supC,C,DEU,DEU\nsupD,D,CHN,CHN\nsupE,E,KOR,KOR\nsupF,F,IDN,IDN\n"
                      "supG,G,CHN,CHN\nsupH,H,USA,CHN\n"},
        {"sites", "id,supplier_id,country\nsA,supA,USA\nsB,supB,KOR\nsC,supC,DEU\nsD,supD,CHN\n"
                  "sE,supE,KOR\nsF,supF,IDN\nsG,supG,CHN\nsH,supH,USA\n"},
        {"site_technologies", "site_id,technology_id,source_country\nsA,t2,USA\nsE,t1,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\nP1,Pack,1000,50\nP2,Anode kit,10,\n"
                     "P3,Service,5,10\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\nP1,cell,2\nP2,gra,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,sA,0.6,600\n,cell,sB,0.3,300\n"
                   "sA,cat,sC,0.5,\nsA,cat,sD,0.3,\nsA,gra,sH,0.7,\n"
                   "sB,cat,sC,1.0,\nsB,gra,sG,0.4,\nsB,gra,sH,0.6,\n"
                   "sC,ref,sE,0.5,\nsD,ref,sE,1.0,\nsE,ore,sF,0.6,\n"},
    });
}

core::Dataset networkC() {
    return datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nUSA,United States\nDEU,Germany\nJPN,Japan\n"},
        {"materials", "id,name,stage\na,A,mining\nb,B,mining\nx,X,refining\ny,Y,cell\n"
                      "z,Z,component\n"},
        {"recipes", "material_id,input_material_id\ny,x\nx,a\nx,b\n"},
        {"world_shares", "material_id,country,share\na,CHN,0.5\na,USA,0.2\nb,CHN,0.1\n"
                         "b,USA,0.9\ny,CHN,0.3\n"},
        {"suppliers", "id,name,hq_country,owner_country\nsup1,One,USA,USA\nsup2,Two,DEU,DEU\n"
                      "sup3,Three,JPN,JPN\nsup4,Four,USA,USA\nsup5,Five,CHN,CHN\n"},
        {"sites", "id,supplier_id,country\ns1,sup1,USA\ns6,sup1,USA\ns2,sup2,DEU\ns3,sup3,JPN\n"
                  "s4,sup4,USA\ns5,sup5,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\nQ,Q,100,10\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\nQ,x,1\nQ,y,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",y,s1,0.5,100\n,y,s2,0.2,\n,y,s6,0.1,50\n,z,s2,1.0,\n"
                   "s1,x,s3,0.6,\ns6,x,s3,1.0,\ns3,a,s4,0.25,\ns3,b,s5,0.5,\n"},
    });
}

core::Dataset networkB() {
    return datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nUSA,United States\nIDN,Indonesia\n"},
        {"materials", "id,name,stage\nore,Ore,mining\n"},
        {"world_shares", "material_id,country,share\nore,CHN,0.3\nore,IDN,0.5\n"},
        {"controls", "id,issuer,title,effective,end,kind\n"
                     "k,IDN,Ore export ban,2025-03-01,2025-09-01,country_ban\n"
                     "k2,CHN,Ore licence,2025-06-01,,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nk,material,ore\nk2,material,ore\n"},
        {"suppliers", "id,name,hq_country,owner_country\nsupI,I,IDN,IDN\nsupU,U,USA,USA\n"},
        {"sites", "id,supplier_id,country\nsI,supI,IDN\nsU,supU,USA\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",ore,sI,0.5,500\n,ore,sU,0.3,300\n"},
    });
}

} // namespace chokepoint::test
