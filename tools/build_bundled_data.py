#!/usr/bin/env python3
"""Writes resources/data/ev-battery from the literal tables below (developer tool, not run in CI).

All values are literal tables below; the script only writes them as CSV and
derives countries.csv and sources.csv from what is used.
"""
import csv
import re
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "resources", "data", "ev-battery")



def find_reference():
    """The reference folder: $CHOKEPOINT_REFERENCE, else shared/data/reference beside the
    repository or beside one of its parent folders (a git worktree sits one level deeper)."""
    if os.environ.get("CHOKEPOINT_REFERENCE"):
        return os.environ["CHOKEPOINT_REFERENCE"]
    here = ROOT
    for _ in range(3):
        here = os.path.dirname(here)
        cand = os.path.join(here, "shared", "data", "reference")
        if os.path.isdir(cand):
            return cand
    sys.exit("reference data not found: set CHOKEPOINT_REFERENCE to shared/data/reference")


REF = find_reference()

# ---------------------------------------------------------------- profile
# The example company (fictional), where its purchases are delivered, and the day the reference
# data was last checked against its sources (docs/bundled-data.md, "Profile").
PROFILE = [
    ("company_name", "Northwind Mobility"),
    ("company_country", "DEU"),
    ("reference_cutoff", "2026-01-30"),
]

# ---------------------------------------------------------------- materials
# id, name, stage, unit
MATERIALS = [
    # mining
    ("li_raw", "Lithium mine output (spodumene concentrate or brine)", "mining", "t LCE"),
    ("nickel_ore", "Nickel ore / laterite (Ni content)", "mining", "t Ni"),
    ("co_hydroxide", "Cobalt hydroxide, mine intermediate (Co content)", "mining", "t Co"),
    ("mn_ore", "Manganese ore (~44% Mn)", "mining", "t"),
    ("nat_graphite", "Natural flake graphite concentrate", "mining", "t"),
    ("ree_concentrate", "Rare-earth ore concentrate (REO content)", "mining", "t REO"),
    ("tungsten_conc", "Tungsten concentrate (WO3 content)", "mining", "t WO3"),
    # refining
    ("li_carbonate", "Lithium carbonate, battery grade", "refining", "t"),
    ("li_hydroxide", "Lithium hydroxide monohydrate, battery grade", "refining", "t"),
    ("ni_sulphate", "Nickel sulphate hexahydrate", "refining", "t"),
    ("co_sulphate", "Cobalt sulphate heptahydrate", "refining", "t"),
    ("hpmsm", "High-purity manganese sulphate monohydrate (HPMSM)", "refining", "t"),
    ("ndpr_oxide", "Separated NdPr oxide", "refining", "t"),
    ("dytb_oxide", "Separated dysprosium/terbium oxide (heavy rare earths)", "refining", "t"),
    ("ndpr_metal", "NdPr metal / alloy", "refining", "t"),
    ("gallium", "Gallium metal", "refining", "kg"),
    ("germanium", "Germanium metal / GeO2", "refining", "kg"),
    ("antimony", "Antimony metal / trioxide", "refining", "kg"),
    ("cu_cathode", "Refined copper cathode", "refining", "t"),
    ("w_oxide", "Tungsten oxide / APT (cathode dopant)", "refining", "t"),
    # precursor
    ("pcam_ncm", "NCM811 precursor hydroxide (pCAM)", "precursor", "t"),
    ("fe_phosphate", "Iron phosphate (phosphate cathode precursor)", "precursor", "t"),
    ("spherical_graphite", "Spherical purified natural graphite", "precursor", "t"),
    ("synthetic_graphite", "Synthetic (artificial) graphite, graphitised", "precursor", "t"),
    # cathode / anode / electrolyte / separator
    ("ncm_cathode", "NCM811 cathode active material", "cathode", "t"),
    ("lfp_cathode", "LFP cathode active material", "cathode", "t"),
    ("lmfp_cathode", "LMFP cathode active material", "cathode", "t"),
    ("anode_material", "Graphite anode active material (synthetic/natural blend)", "anode", "t"),
    ("lipf6", "LiPF6 conducting salt", "electrolyte", "t"),
    ("electrolyte", "Liquid electrolyte (LiPF6 in carbonate solvents)", "electrolyte", "t"),
    ("separator", "Coated polyolefin separator film", "separator", "m2"),
    # cells
    ("cell_ncm_pouch", "NCM811 pouch cell, high energy (~300 Wh/kg)", "cell", "kWh"),
    ("cell_lfp_prismatic", "LFP prismatic cell", "cell", "kWh"),
    ("cell_lmfp_prismatic", "LMFP prismatic cell", "cell", "kWh"),
    # magnet / components / other
    ("ndfeb_magnet", "Sintered NdFeB magnet (Dy/Tb grain-boundary diffused)", "magnet", "t"),
    ("traction_motor", "Permanent-magnet traction motor", "component", "piece"),
    ("power_module", "GaN power module (on-board charger / DC-DC)", "component", "piece"),
    ("sensor_module", "ADAS sensor module with germanium IR optics", "component", "piece"),
    ("aux_battery_12v", "12 V auxiliary lead-acid battery (Pb-Sb grid)", "component", "piece"),
    ("needle_coke", "Needle coke (synthetic graphite feedstock)", "other", "t"),
    ("cu_foil", "Copper foil, battery grade (anode current collector)", "other", "t"),
]

# material_id, input_material_id, qty_per_unit (in the input's unit per unit of output)
RECIPES = [
    ("li_carbonate", "li_raw", 1.05),
    ("li_hydroxide", "li_raw", 0.92),
    ("ni_sulphate", "nickel_ore", 0.235),
    ("co_sulphate", "co_hydroxide", 0.22),
    ("hpmsm", "mn_ore", 0.75),
    ("w_oxide", "tungsten_conc", 1.05),
    ("ndpr_oxide", "ree_concentrate", 4.5),
    ("dytb_oxide", "ree_concentrate", 40),
    ("ndpr_metal", "ndpr_oxide", 1.17),
    ("pcam_ncm", "ni_sulphate", 2.35),
    ("pcam_ncm", "co_sulphate", 0.31),
    ("pcam_ncm", "hpmsm", 0.19),
    ("ncm_cathode", "pcam_ncm", 0.96),
    ("ncm_cathode", "li_hydroxide", 0.45),
    ("ncm_cathode", "w_oxide", 0.003),
    ("lfp_cathode", "fe_phosphate", 0.97),
    ("lfp_cathode", "li_carbonate", 0.245),
    ("lmfp_cathode", "fe_phosphate", 0.40),
    ("lmfp_cathode", "hpmsm", 0.66),
    ("lmfp_cathode", "li_carbonate", 0.245),
    ("spherical_graphite", "nat_graphite", 2.5),
    ("synthetic_graphite", "needle_coke", 1.25),
    ("anode_material", "synthetic_graphite", 0.85),
    ("anode_material", "spherical_graphite", 0.17),
    ("lipf6", "li_carbonate", 0.25),
    ("electrolyte", "lipf6", 0.13),
    ("cu_foil", "cu_cathode", 1.02),
    ("cell_ncm_pouch", "ncm_cathode", 0.0014),
    ("cell_ncm_pouch", "anode_material", 0.0010),
    ("cell_ncm_pouch", "electrolyte", 0.0008),
    ("cell_ncm_pouch", "separator", 12),
    ("cell_ncm_pouch", "cu_foil", 0.0006),
    ("cell_lfp_prismatic", "lfp_cathode", 0.0021),
    ("cell_lfp_prismatic", "anode_material", 0.0011),
    ("cell_lfp_prismatic", "electrolyte", 0.0011),
    ("cell_lfp_prismatic", "separator", 17),
    ("cell_lfp_prismatic", "cu_foil", 0.0008),
    ("cell_lmfp_prismatic", "lmfp_cathode", 0.0019),
    ("cell_lmfp_prismatic", "anode_material", 0.00105),
    ("cell_lmfp_prismatic", "electrolyte", 0.0010),
    ("cell_lmfp_prismatic", "separator", 15),
    ("cell_lmfp_prismatic", "cu_foil", 0.00075),
    ("ndfeb_magnet", "ndpr_metal", 0.29),
    ("ndfeb_magnet", "dytb_oxide", 0.035),
    ("traction_motor", "ndfeb_magnet", 0.0015),
    ("traction_motor", "cu_cathode", 0.009),
    ("power_module", "gallium", 0.0002),
    ("sensor_module", "germanium", 0.008),
    ("aux_battery_12v", "antimony", 0.06),
]

# ---------------------------------------------------------------- world shares
# material, [(country, share)], year, source, basis, note  -- ROW remainders dropped.
# basis says what the source measured when it is not this material's production (SPEC §2);
# every such row has a note. Notes on production rows qualify the figure.
CAPACITY_CELLS = ("Cell manufacturing capacity, all chemistries ('nearly 85 %', IEA); China's share "
                  "of 2023 battery output was 71 % (S104)")
YANO = ("Shipments by company nationality (Yano Research), not plant location: overstates China "
        "where Chinese firms produce abroad, understates it for Korean and Japanese plants in China")
WORLD = [
    ("li_raw", [("AUS", 0.367), ("CHL", 0.204), ("CHN", 0.171), ("ZWE", 0.092), ("ARG", 0.075)], 2024, "S073",
     "production", "Mine production, Li content (USGS); the world total excludes withheld US output"),
    ("li_carbonate", [("CHN", 0.68)], 2024, "S032", "refining",
     "Lithium chemicals, carbonate and hydroxide together (Benchmark); no carbonate-only figure"),
    ("li_hydroxide", [("CHN", 0.68)], 2024, "S032", "refining",
     "Lithium chemicals, carbonate and hydroxide together (Benchmark); the hydroxide-only figure is "
     "'>80 %' of 2022 (S102)"),
    ("nickel_ore", [("IDN", 0.60)], 2024, "S077;S076;S075", "production",
     "'~60 %' (IEA via a secondary summary); China's share not found"),
    ("ni_sulphate", [("IDN", 0.62)], 2025, "S096", "refining",
     "All refined nickel incl. NPI, matte and MHP (Benchmark); no class-1 or sulphate split, and no "
     "Chinese share of it was found"),
    ("co_hydroxide", [("COD", 0.759), ("IDN", 0.097), ("RUS", 0.030)], 2024, "S074", "production",
     "Mine production, Co content (USGS); China's share is inside the dropped rest of the world"),
    ("co_sulphate", [("CHN", 0.77)], 2023, "S098", "refining",
     "Cobalt refining overall (FT, ~140 kt China of ~180 kt), applied to cobalt sulphate"),
    ("mn_ore", [("ZAF", 0.33)], 2024, "S105", "production",
     "'Roughly a third', approximate; China's share not found"),
    ("hpmsm", [("CHN", 0.84), ("JPN", 0.11)], 2022, "S092", "production", None),
    ("nat_graphite", [("CHN", 0.78)], 2024, "S081", "production",
     "All natural graphite incl. amorphous (USGS)"),
    ("spherical_graphite", [("CHN", 0.90)], 2024, "S077", "lower_bound",
     "IEA: '>90 %' of spherical / battery-grade graphite processing"),
    ("synthetic_graphite", [("CHN", 0.90)], 2023, "S069", "capacity",
     "Synthetic graphite production capacity, 'about 90 %' (Bloomberg)"),
    ("anode_material", [("CHN", 0.91)], 2023, "S071", "production",
     "Plant location; a Benchmark forecast for 2023"),
    ("ree_concentrate", [("CHN", 0.692), ("USA", 0.115), ("MMR", 0.079), ("AUS", 0.033), ("NGA", 0.033), ("THA", 0.033)], 2024, "S078;S079",
     "production", "Mine production, REO equivalent (USGS)"),
    ("ndpr_oxide", [("CHN", 0.92), ("MYS", 0.05), ("AUS", 0.01)], 2023, "S082", "refining",
     "Refined rare-earth output, all elements (IEA); no NdPr-only split. Australia's 1 % is the "
     "implied residual"),
    ("dytb_oxide", [("CHN", 0.998)], 2025, "S095", "capacity",
     "Heavy rare-earth refining capacity, one industry CEO quoted by Reuters"),
    ("ndpr_metal", [("CHN", 0.90)], 2025, "S095", "other",
     "Rare-earth metal/alloy and magnet production together, 'about 90 %' (AlixPartners); no "
     "metal-only figure"),
    ("ndfeb_magnet", [("CHN", 0.90)], 2025, "S095", "production",
     "'About 90 %' of rare-earth metal/alloy and magnet production (AlixPartners)"),
    ("gallium", [("CHN", 0.98)], 2023, "S067;S066", "production",
     "Primary (low-purity) gallium (USGS)"),
    ("germanium", [("CHN", 0.60)], 2023, "S068;S066;S100", "production",
     "Primary and refinery production, 'about 60 %'"),
    ("antimony", [("CHN", 0.48)], 2023, "S014;S057", "mining",
     "Antimony mine output (USGS), applied to metal and trioxide; China's refined share is likely "
     "higher"),
    ("tungsten_conc", [("CHN", 0.827)], 2024, "S060;S061", "production",
     "Mine production, 67,000 t of 81,000 t (USGS)"),
    ("cu_cathode", [("CHN", 0.50)], 2025, "S099", "lower_bound",
     "'>50 %' of refined copper output, January-May 2025 only (Commerzbank from ICSG and NBS); low "
     "confidence"),
    ("pcam_ncm", [("CHN", 0.89)], 2024, "S088", "other",
     "A single month: ternary precursor production in September 2024 (SMM)"),
    ("ncm_cathode", [("CHN", 0.87)], 2024, "S086", "capacity",
     "Cathode active material capacity by plant location, all chemistries (Benchmark)"),
    ("lfp_cathode", [("CHN", 0.99)], 2024, "S032", "production", "LFP cathode production (Benchmark)"),
    ("lmfp_cathode", [("CHN", 0.99)], 2024, "S032", "other",
     "The LFP-only production figure (Benchmark) applied to LMFP; no LMFP figure exists"),
    ("electrolyte", [("CHN", 0.85)], 2023, "S089", "nationality", YANO),
    ("separator", [("CHN", 0.874), ("JPN", 0.097)], 2023, "S089", "nationality", YANO),
    ("cell_ncm_pouch", [("CHN", 0.85)], 2023, "S084", "capacity", CAPACITY_CELLS),
    ("cell_lfp_prismatic", [("CHN", 0.85)], 2023, "S084", "capacity", CAPACITY_CELLS),
    ("cell_lmfp_prismatic", [("CHN", 0.85)], 2023, "S084", "capacity", CAPACITY_CELLS),
]

# ---------------------------------------------------------------- technologies
TECHS = [
    ("t_lfp_prep", "LFP cathode material preparation technology", "cathode",
     "Restricted item 252604X (battery cathode material preparation), control point 1: LixFeyMzPO4; "
     "powder compaction density >=2.58 g/cc at 220 MPa; discharge capacity >=160 mAh/g at 0.1C; "
     "first-cycle coulombic efficiency >=97%. MOFCOM/MOST Announcement No. 28 of 2025 (EC10; S025;S026)"),
    ("t_lmfp_prep", "LMFP cathode material preparation technology", "cathode",
     "Restricted item 252604X, control point 2: LixFeyMnzMaPO4; compaction density >=2.38 g/cc at 220 MPa; "
     ">=155 mAh/g at 0.1C; first-cycle efficiency >=95%; average voltage >=3.85 V. No. 28 of 2025 (EC10; S025;S026)"),
    ("t_phosphate_precursor_prep", "Phosphate cathode precursor preparation technology", "precursor",
     "Restricted item 252604X, control point 3: phosphate cathode raw-material (precursor, e.g. iron phosphate) "
     "preparation, tap density >1.2 g/cc. No. 28 of 2025 (EC10; S025;S026)"),
    ("t_li2co3_spodumene", "Lithium carbonate production from spodumene", "refining",
     "Lithium control point added to the restricted entry 'non-ferrous metal smelting technology'. "
     "No. 28 of 2025 (EC10; S025;S027;S029)"),
    ("t_lioh_spodumene", "Lithium hydroxide production from spodumene", "refining",
     "Lithium control point added to the restricted non-ferrous metal smelting entry. No. 28 of 2025 (EC10; S025;S027;S029)"),
    ("t_li_metal_materials", "Lithium metal (alloy) and lithium material preparation", "refining",
     "Lithium control point added to the restricted non-ferrous metal smelting entry. No. 28 of 2025 (EC10; S025;S027;S029)"),
    ("t_li_brine_extraction", "Lithium extraction from brine (incl. direct lithium extraction)", "refining",
     "Lithium control point added to the restricted non-ferrous metal smelting entry. No. 28 of 2025 (EC10; S025;S027;S029)"),
    ("t_li_purified_solution", "Preparation of lithium-containing purified solutions", "refining",
     "Lithium control point added to the restricted non-ferrous metal smelting entry. No. 28 of 2025 (EC10; S025;S027;S029)"),
    ("t_ga_alumina_liquor", "Gallium extraction from alumina mother liquor", "refining",
     "Revised gallium control point: extracting metallic gallium from alumina mother liquor by ion exchange, "
     "resin and similar methods. No. 28 of 2025 (EC10; S025;S026)"),
    ("t_ree_extraction_separation", "Rare-earth extraction and separation technology", "refining",
     "Prohibited from export in the 2023 technology catalogue (MOFCOM/MOST No. 57 of 2023, EC03; S009;S010); "
     "also 1E902.a of MOFCOM No. 62 of 2025 (EC16, suspended)"),
    ("t_ree_metal_alloy", "Rare-earth metal and alloy production technology", "refining",
     "Prohibited from export in the 2023 technology catalogue (No. 57 of 2023, EC03; S009;S010); also 1E902.a of No. 62 of 2025"),
    ("t_ree_magnet_prep", "Rare-earth magnet preparation technology (SmCo, NdFeB, Ce magnets)", "magnet",
     "Prohibited from export in the 2023 technology catalogue (No. 57 of 2023, EC03; S009;S012); also 1E902.a of No. 62 of 2025"),
]

# ---------------------------------------------------------------- controls
CTL_COLS = ["id", "issuer", "title", "reference", "announced", "effective", "end", "kind",
            "target_country", "licence_review_days", "source", "status"]
# The suspensions run "until" 10 and 27 November 2026. Chinese "至" includes the named day (the
# period ends at 24:00 of it), so the suspended measures would apply again from the next day:
# the resumption rows take effect, and the suspension rows end, on 11 and 28 November 2026.
# They are `scheduled`: announced, not confirmed by the reference cut-off (docs/bundled-data.md).
LAPSE_70 = "2026-11-11"  # No. 70 of 2025 suspends Nos. 55-58, 61, 62 until 2026-11-10
LAPSE_72 = "2026-11-28"  # No. 72 of 2025 suspends clause 2 of No. 46 of 2024 until 2026-11-27
SCHEDULED = {"EC06-R", "EC11-R", "EC12-R", "EC13-R", "EC14-R", "EC15-R", "EC16-R"}
S70 = "S038;S019;S041"   # sources of the suspension, No. 70 of 2025 (EC17)
S72 = "S017;S018;S019"   # sources of the suspension, No. 72 of 2025 (EC18)
CONTROLS = [
    ("EC01", "CHN", "Export control on gallium- and germanium-related items",
     "MOFCOM/GAC Announcement No. 23 of 2023", "2023-07-03", "2023-08-01", "", "licence", "", 45,
     "S001;S002;S003;S004;S065"),
    ("EC02", "CHN", "Export control on graphite items (high-purity artificial graphite; natural flake and spherical graphite)",
     "MOFCOM/GAC Announcement No. 39 of 2023", "2023-10-20", "2023-12-01", "", "licence", "", 45,
     "S005;S006;S007;S008;S070"),
    ("EC03", "CHN", "Technology export catalogue 2023: rare-earth extraction/separation, metal/alloy and magnet preparation technologies prohibited",
     "MOFCOM/MOST Announcement No. 57 of 2023", "2023-12-21", "2023-12-21", "", "prohibition", "", "",
     "S009;S010;S011;S012"),
    ("EC04", "CHN", "Export control on antimony and superhard-material items",
     "MOFCOM/GAC Announcement No. 33 of 2024", "2024-08-15", "2024-09-15", "", "licence", "", 45,
     "S013;S014;S059"),
    ("EC05", "CHN", "Regulations on Export Control of Dual-Use Items (framework regulation; no items of its own)",
     "State Council Order No. 792", "2024-10-19", "2024-12-01", "", "licence", "", 45,
     "S046;S047"),
    ("EC06", "CHN", "Dual-use exports to the United States, clause 2: Ga, Ge, Sb and superhard items not permitted in principle; stricter graphite end-use review",
     "MOFCOM Announcement No. 46 of 2024 (clause 2); suspended by MOFCOM Announcement No. 72 of 2025",
     "2024-12-03", "2024-12-03", "2025-11-09", "country_ban", "USA", "",
     "S015;S016;S017;S018"),
    ("EC06-C1", "CHN", "Dual-use exports to the United States, clause 1: all dual-use items banned for US military users and uses (no civilian items modelled)",
     "MOFCOM Announcement No. 46 of 2024 (clause 1)", "2024-12-03", "2024-12-03", "", "country_ban", "USA", "",
     "S015;S016;S017"),
    ("EC07", "CHN", "Draft adjustment of the technology export catalogue: cathode, lithium and gallium technologies (consultation only; never in force; adopted in amended form as EC10)",
     "MOFCOM/MOST public consultation of 2 January 2025", "2025-01-02", "2025-01-02", "2025-01-02", "licence", "", "",
     "S030;S031;S033;S032"),
    ("EC08", "CHN", "Export control on tungsten-, tellurium-, bismuth-, molybdenum- and indium-related items",
     "MOFCOM/GAC Announcement No. 10 of 2025", "2025-02-04", "2025-02-04", "", "licence", "", 45,
     "S020;S021;S063"),
    ("EC09", "CHN", "Export control on seven medium and heavy rare earths (Sm, Gd, Tb, Dy, Lu, Sc, Y) incl. SmCo and Tb/Dy-containing NdFeB magnet materials",
     "MOFCOM/GAC Announcement No. 18 of 2025", "2025-04-04", "2025-04-04", "", "licence", "", 45,
     "S022;S023;S024;S050;S045;S049"),
    ("EC10", "CHN", "Technology export catalogue revision: battery cathode material preparation (LFP, LMFP, phosphate precursor), lithium processing and gallium extraction technologies restricted",
     "MOFCOM/MOST Announcement No. 28 of 2025", "2025-07-15", "2025-07-15", "", "licence", "", 45,
     "S025;S026;S027;S028;S029"),
    ("EC11", "CHN", "Export control on superhard materials, related equipment and technology (suspended before taking effect)",
     "MOFCOM/GAC Announcement No. 55 of 2025", "2025-10-09", "2025-11-08", "2025-11-07", "licence", "", 45,
     "S038;S041"),
    ("EC12", "CHN", "Export control on rare-earth production equipment and raw/auxiliary materials (suspended before taking effect)",
     "MOFCOM/GAC Announcement No. 56 of 2025", "2025-10-09", "2025-11-08", "2025-11-07", "licence", "", 45,
     "S038;S041"),
    ("EC13", "CHN", "Export control on five further medium and heavy rare earths (Ho, Er, Tm, Eu, Yb) (suspended before taking effect)",
     "MOFCOM/GAC Announcement No. 57 of 2025", "2025-10-09", "2025-11-08", "2025-11-07", "licence", "", 45,
     "S042;S043;S038"),
    ("EC14", "CHN", "Export control on lithium batteries (>=300 Wh/kg), cathode materials (LFP, ternary precursors) and artificial graphite anode materials, equipment and technology (suspended before taking effect)",
     "MOFCOM/GAC Announcement No. 58 of 2025", "2025-10-09", "2025-11-08", "2025-11-07", "licence", "", 45,
     "S034;S035;S036;S037;S117;S038"),
    ("EC15", "CHN", "Export control on overseas rare-earth items (0.1% de minimis; items made abroad with Chinese rare-earth technology) (suspended)",
     "MOFCOM Announcement No. 61 of 2025", "2025-10-09", "2025-10-09", "2025-11-07", "licence", "", 45,
     "S039;S038;S019"),
    ("EC16", "CHN", "Export control on rare-earth-related technologies (mining, separation, metal smelting, magnet manufacturing, recycling; line assembly and maintenance) (suspended)",
     "MOFCOM Announcement No. 62 of 2025", "2025-10-09", "2025-10-09", "2025-11-07", "licence", "", 45,
     "S040;S044;S038"),
    ("EC17", "CHN", "Suspension of Announcements No. 55-58 and 61-62 of 2025 until 2026-11-10 (not a control: no items; modelled by the end dates of EC11-EC16 and rows EC11-R to EC16-R)",
     "MOFCOM/GAC Announcement No. 70 of 2025", "2025-11-07", "2025-11-07", LAPSE_70, "licence", "", "",
     "S038;S019;S041"),
    ("EC18", "CHN", "Suspension of clause 2 of Announcement No. 46 of 2024 until 2026-11-27 (not a control: no items; modelled by the end date of EC06 and row EC06-R)",
     "MOFCOM Announcement No. 72 of 2025", "2025-11-09", "2025-11-09", LAPSE_72, "country_ban", "USA", "",
     "S017;S018;S019"),
    ("EC19", "CHN", "Year-long general licences for rare-earth magnet exports to selected customers (easement under EC09; no items)",
     "MOFCOM administrative practice (no announcement number found)", "2025-12-10", "2025-12-10", "", "licence", "", "",
     "S045"),
    # scheduled resumptions (own rows)
    ("EC06-R", "CHN", "Dual-use exports to the United States, clause 2: Ga, Ge, Sb and superhard items not permitted in principle; stricter graphite end-use review (resumption scheduled, not confirmed)",
     "MOFCOM Announcement No. 46 of 2024 (clause 2); suspension by MOFCOM Announcement No. 72 of 2025 runs until 2026-11-27",
     "2025-11-09", LAPSE_72, "", "country_ban", "USA", "", S72),
    ("EC11-R", "CHN", "Export control on superhard materials, related equipment and technology (resumption scheduled, not confirmed)",
     "MOFCOM/GAC Announcement No. 55 of 2025; suspension by MOFCOM/GAC Announcement No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
    ("EC12-R", "CHN", "Export control on rare-earth production equipment and raw/auxiliary materials (resumption scheduled, not confirmed)",
     "MOFCOM/GAC Announcement No. 56 of 2025; suspension by No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
    ("EC13-R", "CHN", "Export control on five further medium and heavy rare earths (Ho, Er, Tm, Eu, Yb) (resumption scheduled, not confirmed)",
     "MOFCOM/GAC Announcement No. 57 of 2025; suspension by No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
    ("EC14-R", "CHN", "Export control on lithium batteries (>=300 Wh/kg), cathode materials and artificial graphite anode materials (resumption scheduled, not confirmed)",
     "MOFCOM/GAC Announcement No. 58 of 2025; suspension by No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
    ("EC15-R", "CHN", "Export control on overseas rare-earth items (resumption scheduled, not confirmed)",
     "MOFCOM Announcement No. 61 of 2025; suspension by No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
    ("EC16-R", "CHN", "Export control on rare-earth-related technologies (resumption scheduled, not confirmed)",
     "MOFCOM Announcement No. 62 of 2025; suspension by No. 70 of 2025 runs until 2026-11-10",
     "2025-11-07", LAPSE_70, "", "licence", "", 45, S70),
]

EC06_ITEMS = [("material", x) for x in ("gallium", "germanium", "antimony", "nat_graphite", "spherical_graphite")]
EC14_ITEMS = [("material", x) for x in ("cell_ncm_pouch", "lfp_cathode", "pcam_ncm", "synthetic_graphite", "anode_material")]
REE_TECH = [("technology", x) for x in ("t_ree_extraction_separation", "t_ree_metal_alloy", "t_ree_magnet_prep")]
EC15_ITEMS = [("material", "dytb_oxide"), ("material", "ndfeb_magnet")] + REE_TECH
CONTROL_ITEMS = {
    "EC01": [("material", "gallium"), ("material", "germanium")],
    "EC02": [("material", "nat_graphite"), ("material", "spherical_graphite")],
    "EC03": REE_TECH,
    "EC04": [("material", "antimony")],
    "EC06": EC06_ITEMS,
    "EC06-R": EC06_ITEMS,
    "EC08": [("material", "w_oxide")],
    "EC09": [("material", "dytb_oxide"), ("material", "ndfeb_magnet")],
    "EC10": [("technology", x) for x in (
        "t_lfp_prep", "t_lmfp_prep", "t_phosphate_precursor_prep", "t_li2co3_spodumene",
        "t_lioh_spodumene", "t_li_metal_materials", "t_li_brine_extraction",
        "t_li_purified_solution", "t_ga_alumina_liquor")],
    "EC14": EC14_ITEMS,
    "EC14-R": EC14_ITEMS,
    "EC15": EC15_ITEMS,
    "EC15-R": EC15_ITEMS,
    "EC16": REE_TECH,
    "EC16-R": REE_TECH,
}

# ---------------------------------------------------------------- company part (fictional)
# supplier id, name, hq, owner, [(site id, country, name, lat, lon)]
SUPPLIERS = [
    # cells
    ("seorak", "Seorak Energy Cells", "KOR", "KOR", [
        ("seorak_wroclaw", "POL", "Seorak cell plant, Wroclaw", 51.02, 16.93),
        ("seorak_ochang", "KOR", "Seorak cell plant, Ochang", 36.71, 127.43)]),
    ("jadeway", "Jadeway Battery Europe", "DEU", "CHN", [
        ("jadeway_erfurt", "DEU", "Jadeway cell plant, Erfurt", 50.93, 10.98),
        ("jadeway_debrecen", "HUN", "Jadeway cell plant, Debrecen", 47.49, 21.66)]),
    ("polarcell", "Polar Cell AB", "SWE", "SWE", [
        ("polarcell_skelleftea", "SWE", "Polar Cell gigafactory, Skelleftea", 64.73, 20.98)]),
    ("minjiang", "Minjiang Cellworks", "CHN", "CHN", [
        ("minjiang_ningde", "CHN", "Minjiang cell plant, Ningde", 26.66, 119.55),
        ("minjiang_yibin", "CHN", "Minjiang cell plant, Yibin", 28.77, 104.63)]),
    ("iberiacell", "Iberia Cell Factory", "ESP", "ESP", [
        ("iberiacell_navarra", "ESP", "Iberia Cell LFP plant, Navarra", 42.77, -1.63)]),
    # cathode and precursors
    ("lotusbay", "Lotus Bay Cathode Materials", "CHN", "CHN", [
        ("lotusbay_jingmen", "CHN", "Lotus Bay LFP plant, Jingmen", 31.03, 112.20),
        ("lotusbay_guiyang", "CHN", "Lotus Bay LFP/LMFP plant, Guiyang", 26.65, 106.63),
        ("lotusbay_jorflasfar", "MAR", "Lotus Bay LFP/LMFP plant, Jorf Lasfar", 33.12, -8.62)]),
    ("gyeongbuk", "Gyeongbuk Cathode Materials", "KOR", "KOR", [
        ("gyeongbuk_gumi", "KOR", "Gyeongbuk cathode plant, Gumi", 36.12, 128.34),
        ("gyeongbuk_nysa", "POL", "Gyeongbuk cathode plant, Nysa", 50.47, 17.33)]),
    ("orchidvalley", "Orchid Valley Ternary Materials", "CHN", "CHN", [
        ("orchid_xiangtan", "CHN", "Orchid Valley NCM plant, Xiangtan", 27.83, 112.94),
        ("orchid_ivancsa", "HUN", "Orchid Valley NCM plant, Ivancsa", 47.16, 18.82)]),
    ("greenstone", "Greenstone Phosphate Materials", "CHN", "CHN", [
        ("greenstone_yichang", "CHN", "Greenstone iron phosphate plant, Yichang", 30.69, 111.29)]),
    ("atlasphos", "Atlas Phosphate Chemicals", "MAR", "MAR", [
        ("atlasphos_jorflasfar", "MAR", "Atlas iron phosphate plant, Jorf Lasfar", 33.10, -8.60)]),
    ("morowali", "Morowali Green Materials", "IDN", "CHN", [
        ("morowali_hpal", "IDN", "Morowali HPAL and sulphate plant", -2.83, 122.15),
        ("morowali_pcam", "IDN", "Morowali precursor plant", -2.86, 122.18)]),
    ("sulawesi", "Sulawesi Laterite Mining", "IDN", "IDN", [
        ("sulawesi_pomalaa", "IDN", "Sulawesi laterite mine, Pomalaa", -4.18, 121.65)]),
    ("yilgarn", "Yilgarn Nickel", "AUS", "AUS", [
        ("yilgarn_kalgoorlie", "AUS", "Yilgarn nickel mine, Kalgoorlie district", -30.75, 121.47)]),
    ("botnia", "Botnia Battery Chemicals", "FIN", "FIN", [
        ("botnia_harjavalta", "FIN", "Botnia nickel and cobalt sulphate refinery, Harjavalta", 61.31, 22.14),
        ("botnia_kokkola", "FIN", "Botnia precursor plant, Kokkola", 63.84, 23.13)]),
    ("hanriver", "Han River Precursor", "CHN", "CHN", [
        ("hanriver_xiangyang", "CHN", "Han River precursor plant, Xiangyang", 32.01, 112.12)]),
    ("saemangeum", "Saemangeum Precursor", "KOR", "KOR", [
        ("saemangeum_gunsan", "KOR", "Saemangeum precursor plant, Gunsan", 35.95, 126.60)]),
    ("lualaba", "Lualaba Green Cobalt", "COD", "CHN", [
        ("lualaba_kolwezi", "COD", "Lualaba copper-cobalt mine, Kolwezi", -10.71, 25.47)]),
    ("yangtze", "Yangtze Cobalt Refining", "CHN", "CHN", [
        ("yangtze_quzhou", "CHN", "Yangtze cobalt refinery, Quzhou", 28.97, 118.87)]),
    ("kalahari", "Kalahari Manganese", "ZAF", "ZAF", [
        ("kalahari_hotazel", "ZAF", "Kalahari manganese mine, Hotazel", -27.20, 22.96)]),
    ("zuojiang", "Zuojiang Manganese Chemicals", "CHN", "CHN", [
        ("zuojiang_chongzuo", "CHN", "Zuojiang HPMSM plant, Chongzuo", 22.38, 107.36)]),
    ("tosa", "Tosa Manganese Works", "JPN", "JPN", [
        ("tosa_kochi", "JPN", "Tosa HPMSM plant, Kochi", 33.56, 133.53)]),
    # lithium
    ("redbasin", "Red Basin Lithium", "CHN", "CHN", [
        ("redbasin_suining", "CHN", "Red Basin spodumene converter, Suining", 30.53, 105.59),
        ("redbasin_golmud", "CHN", "Red Basin brine carbonate plant, Golmud", 36.40, 94.90),
        ("redbasin_qarhan", "CHN", "Red Basin salt-lake brine field, Qarhan", 36.80, 95.20)]),
    ("puna", "Puna Lithium", "ARG", "CHN", [
        ("puna_salar", "ARG", "Puna brine field, Jujuy", -23.50, -66.70),
        ("puna_plant", "ARG", "Puna lithium carbonate plant, Jujuy", -23.48, -66.72)]),
    ("atacama", "Atacama Litio", "CHL", "CHL", [
        ("atacama_salar", "CHL", "Atacama brine field", -23.50, -68.25),
        ("atacama_antofagasta", "CHL", "Atacama lithium carbonate plant, Antofagasta", -23.65, -70.40)]),
    ("redridge", "Red Ridge Lithium", "AUS", "AUS", [
        ("redridge_pilbara", "AUS", "Red Ridge spodumene mine, Pilbara", -21.00, 118.90)]),
    ("masvingo", "Masvingo Lithium Mining", "ZWE", "CHN", [
        ("masvingo_mine", "ZWE", "Masvingo spodumene mine", -20.10, 31.30)]),
    ("swanriver", "Swan River Hydroxide", "AUS", "CHN", [
        ("swanriver_kwinana", "AUS", "Swan River lithium hydroxide refinery, Kwinana", -32.23, 115.78)]),
    ("rheinlith", "Rheinland Lithium Refinery", "DEU", "DEU", [
        ("rheinlith_bitterfeld", "DEU", "Rheinland lithium hydroxide refinery, Bitterfeld", 51.62, 12.32)]),
    # graphite and anode
    ("innerrange", "Inner Range Carbon Materials", "CHN", "CHN", [
        ("innerrange_baotou", "CHN", "Inner Range graphitisation plant, Baotou", 40.65, 109.84),
        ("innerrange_changsha", "CHN", "Inner Range anode plant, Changsha", 28.23, 112.94),
        ("innerrange_jixi", "CHN", "Inner Range spheronisation plant, Jixi", 45.30, 130.97)]),
    ("longjiang", "Longjiang Graphite Mining", "CHN", "CHN", [
        ("longjiang_jixi", "CHN", "Longjiang flake graphite mine, Jixi", 45.29, 130.90)]),
    ("cabodelgado", "Cabo Delgado Graphite", "MOZ", "AUS", [
        ("cabodelgado_balama", "MOZ", "Cabo Delgado graphite mine, Balama", -13.33, 38.57)]),
    ("yeongil", "Yeongil Anode Materials", "KOR", "KOR", [
        ("yeongil_pohang", "KOR", "Yeongil anode plant, Pohang", 36.02, 129.34)]),
    # electrolyte, separator, foil
    ("bluewave", "Bluewave Electrolyte", "CHN", "CHN", [
        ("bluewave_zhangjiagang", "CHN", "Bluewave electrolyte plant, Zhangjiagang", 31.87, 120.55),
        ("bluewave_wroclaw", "POL", "Bluewave electrolyte plant, Wroclaw", 51.05, 16.95)]),
    ("hanul", "Hanul Electrolyte", "KOR", "KOR", [
        ("hanul_ulsan", "KOR", "Hanul electrolyte plant, Ulsan", 35.54, 129.31)]),
    ("quzhoufluoro", "Quzhou Fluoro-Lithium", "CHN", "CHN", [
        ("quzhoufluoro_quzhou", "CHN", "Quzhou LiPF6 plant", 28.94, 118.84)]),
    ("osakafluoro", "Osaka Fluorochem", "JPN", "JPN", [
        ("osakafluoro_sakai", "JPN", "Osaka Fluorochem LiPF6 plant, Sakai", 34.57, 135.47)]),
    ("lakeside", "Lakeside Membrane Tech", "CHN", "CHN", [
        ("lakeside_yuxi", "CHN", "Lakeside separator plant, Yuxi", 24.35, 102.54),
        ("lakeside_debrecen", "HUN", "Lakeside separator plant, Debrecen", 47.55, 21.60)]),
    ("kansai", "Kansai Membrane", "JPN", "JPN", [
        ("kansai_shiga", "JPN", "Kansai separator plant, Shiga", 35.00, 136.00)]),
    ("meuse", "Meuse Copper Foil", "BEL", "BEL", [
        ("meuse_liege", "BEL", "Meuse copper foil plant, Liege", 50.63, 5.57)]),
    ("ganjiang", "Ganjiang Copper Foil", "CHN", "CHN", [
        ("ganjiang_jiujiang", "CHN", "Ganjiang copper foil plant, Jiujiang", 29.70, 116.00)]),
    ("elbe", "Elbe Kupferhuette", "DEU", "DEU", [
        ("elbe_hamburg", "DEU", "Elbe copper refinery, Hamburg", 53.52, 10.02)]),
    # rare earths and magnets
    ("steppe", "Steppe Magnetics", "CHN", "CHN", [
        ("steppe_baotou", "CHN", "Steppe magnet plant, Baotou", 40.60, 110.00),
        ("steppe_ningbo", "CHN", "Steppe magnet plant, Ningbo", 29.87, 121.54)]),
    ("jaderiver", "Jade River Rare Earths", "CHN", "CHN", [
        ("jaderiver_ganzhou", "CHN", "Jade River separation plant, Ganzhou", 25.83, 114.93),
        ("jaderiver_baotou", "CHN", "Jade River metal and alloy plant, Baotou", 40.58, 109.95)]),
    ("kachin", "Kachin Hills Minerals", "MMR", "MMR", [
        ("kachin_chipwi", "MMR", "Kachin ionic-clay rare-earth mine, Chipwi", 25.87, 98.13)]),
    ("hokuriku", "Hokuriku Magnetics", "JPN", "JPN", [
        ("hokuriku_fukui", "JPN", "Hokuriku magnet plant, Fukui", 36.06, 136.22)]),
    ("baltic", "Baltic Magnet Works", "EST", "CAN", [
        ("baltic_narva", "EST", "Baltic magnet plant, Narva", 59.38, 28.19),
        ("baltic_sillamae", "EST", "Baltic rare-earth metal plant, Sillamae", 59.40, 27.76)]),
    ("kuantan", "Kuantan Rare Earth Separation", "MYS", "AUS", [
        ("kuantan_gebeng", "MYS", "Kuantan separation plant, Gebeng", 3.97, 103.38)]),
    ("outback", "Outback Rare Earths", "AUS", "AUS", [
        ("outback_laverton", "AUS", "Outback rare-earth mine, Laverton district", -28.86, 122.55)]),
    # drive, power electronics, sensors, 12 V
    ("voltaro", "Voltaro Drive Systems", "DEU", "DEU", [
        ("voltaro_schweinfurt", "DEU", "Voltaro motor plant, Schweinfurt", 50.05, 10.23),
        ("voltaro_nitra", "SVK", "Voltaro motor plant, Nitra", 48.31, 18.09)]),
    ("eastdrive", "Eastdrive Electric Motors", "CHN", "CHN", [
        ("eastdrive_changzhou", "CHN", "Eastdrive motor plant, Changzhou", 31.81, 119.97)]),
    ("sakura", "Sakura Drive Systems", "JPN", "JPN", [
        ("sakura_hamamatsu", "JPN", "Sakura motor plant, Hamamatsu", 34.71, 137.73)]),
    ("halbleiter", "Halbleiter Nord", "DEU", "DEU", [
        ("halbleiter_dresden", "DEU", "Halbleiter Nord power module fab, Dresden", 51.12, 13.71)]),
    ("keystone", "Keystone Power Devices", "USA", "USA", [
        ("keystone_penang", "MYS", "Keystone module assembly, Penang", 5.35, 100.30),
        ("keystone_phoenix", "USA", "Keystone module assembly, Phoenix", 33.45, -112.07)]),
    ("yellowsea", "Yellow Sea Gallium", "CHN", "CHN", [
        ("yellowsea_zibo", "CHN", "Yellow Sea gallium recovery at alumina refinery, Zibo", 36.80, 118.05)]),
    ("akita", "Akita Metal Recovery", "JPN", "JPN", [
        ("akita_kosaka", "JPN", "Akita gallium recycling plant, Kosaka", 40.33, 140.73)]),
    ("cloudridge", "Cloud Ridge Germanium", "CHN", "CHN", [
        ("cloudridge_lincang", "CHN", "Cloud Ridge germanium refinery, Lincang", 23.88, 100.09)]),
    ("scheldt", "Scheldt Specialty Metals", "BEL", "BEL", [
        ("scheldt_olen", "BEL", "Scheldt germanium recycling plant, Olen", 51.14, 4.86)]),
    ("luxor", "Luxor Sensorik", "AUT", "AUT", [
        ("luxor_graz", "AUT", "Luxor sensor plant, Graz", 47.07, 15.44)]),
    ("taihu", "Taihu Infrared Optics", "CHN", "CHN", [
        ("taihu_wuxi", "CHN", "Taihu sensor plant, Wuxi", 31.49, 120.31)]),
    ("iberbat", "Iberbat Baterias", "ESP", "ESP", [
        ("iberbat_zaragoza", "ESP", "Iberbat battery plant, Zaragoza", 41.65, -0.88)]),
    ("hunanridge", "Hunan Ridge Antimony", "CHN", "CHN", [
        ("hunanridge_lengshuijiang", "CHN", "Hunan Ridge antimony smelter, Lengshuijiang", 27.69, 111.43)]),
    ("southernpeaks", "Southern Peaks Tungsten", "CHN", "CHN", [
        ("southernpeaks_ganzhou", "CHN", "Southern Peaks APT and tungsten oxide plant, Ganzhou", 25.85, 114.95)]),
]

# site, technology, source_country: where the site gets the technology (licensor, equipment,
# know-how). Chinese plants use Chinese technology; some plants abroad do too (the Moroccan
# LFP/LMFP and iron-phosphate plants, the Argentine brine plant and the Australian hydroxide
# refinery), others their own or their parent's (docs/bundled-data.md, "Technology sources").
SITE_TECH = [
    ("lotusbay_jingmen", "t_lfp_prep", "CHN"),
    ("lotusbay_guiyang", "t_lfp_prep", "CHN"),
    ("lotusbay_guiyang", "t_lmfp_prep", "CHN"),
    ("lotusbay_jorflasfar", "t_lfp_prep", "CHN"),
    ("lotusbay_jorflasfar", "t_lmfp_prep", "CHN"),
    ("greenstone_yichang", "t_phosphate_precursor_prep", "CHN"),
    ("redbasin_suining", "t_li2co3_spodumene", "CHN"),
    ("redbasin_suining", "t_lioh_spodumene", "CHN"),
    ("redbasin_suining", "t_li_purified_solution", "CHN"),
    ("redbasin_golmud", "t_li_brine_extraction", "CHN"),
    ("redbasin_golmud", "t_li_purified_solution", "CHN"),
    ("puna_plant", "t_li_brine_extraction", "CHN"),
    ("swanriver_kwinana", "t_lioh_spodumene", "CHN"),
    ("swanriver_kwinana", "t_li_purified_solution", "CHN"),
    ("yellowsea_zibo", "t_ga_alumina_liquor", "CHN"),
    ("jaderiver_ganzhou", "t_ree_extraction_separation", "CHN"),
    ("jaderiver_baotou", "t_ree_metal_alloy", "CHN"),
    ("steppe_baotou", "t_ree_magnet_prep", "CHN"),
    ("steppe_ningbo", "t_ree_magnet_prep", "CHN"),
    # abroad, licensed from a Chinese partner (Moroccan-owned)
    ("atlasphos_jorflasfar", "t_phosphate_precursor_prep", "CHN"),
    # abroad, own or non-Chinese technology
    ("rheinlith_bitterfeld", "t_lioh_spodumene", "DEU"),
    ("atacama_antofagasta", "t_li_brine_extraction", "CHL"),
    ("kuantan_gebeng", "t_ree_extraction_separation", "AUS"),
    ("baltic_sillamae", "t_ree_metal_alloy", "EST"),
    ("baltic_narva", "t_ree_magnet_prep", "CAN"),
    ("hokuriku_fukui", "t_ree_magnet_prep", "JPN"),
]

# sites.recovery_days: time to recover from a full outage where a public figure or a stated
# assumption exists (docs/bundled-data.md, "Recovery times"); other sites stay empty.
REBUILD_CATHODE = 730  # cathode plant: about 2 years to rebuild (build times 2-3 years, S120;S121)
RESTART_CONVERTER = 540  # spodumene converter: 18 months to full capacity (Kwinana, S109)
RECOVERY_DAYS = {
    "gyeongbuk_gumi": REBUILD_CATHODE, "gyeongbuk_nysa": REBUILD_CATHODE,
    "orchid_xiangtan": REBUILD_CATHODE, "orchid_ivancsa": REBUILD_CATHODE,
    "lotusbay_jingmen": REBUILD_CATHODE, "lotusbay_guiyang": REBUILD_CATHODE,
    "lotusbay_jorflasfar": REBUILD_CATHODE,
    "redbasin_suining": RESTART_CONVERTER, "swanriver_kwinana": RESTART_CONVERTER,
    "rheinlith_bitterfeld": RESTART_CONVERTER,
}

PRODUCTS = [
    ("nw_breeze", "Northwind Breeze compact car (52 kWh LFP)", 120000, 27900),
    ("nw_meridian", "Northwind Meridian long-range car (92 kWh NCM811, dual motor)", 60000, 58900),
    ("nw_cargo", "Northwind Cargo e-van (75 kWh LMFP)", 25000, 46500),
]
BOM = [
    ("nw_breeze", "cell_lfp_prismatic", 52),
    ("nw_breeze", "traction_motor", 1),
    ("nw_breeze", "power_module", 1),
    ("nw_breeze", "sensor_module", 1),
    ("nw_breeze", "aux_battery_12v", 1),
    ("nw_meridian", "cell_ncm_pouch", 92),
    ("nw_meridian", "traction_motor", 2),
    ("nw_meridian", "power_module", 2),
    ("nw_meridian", "sensor_module", 3),
    ("nw_meridian", "aux_battery_12v", 1),
    ("nw_cargo", "cell_lmfp_prismatic", 75),
    ("nw_cargo", "traction_motor", 1),
    ("nw_cargo", "power_module", 1),
    ("nw_cargo", "sensor_module", 2),
    ("nw_cargo", "aux_battery_12v", 1),
]

# unit prices (USD per material unit) used only to derive our annual_spend
PRICE = {
    "cell_lfp_prismatic": 60, "cell_ncm_pouch": 95, "cell_lmfp_prismatic": 70,
    "traction_motor": 850, "power_module": 320, "sensor_module": 150, "aux_battery_12v": 85,
}

# our tier-1 purchases: material -> [(supplier_site, share, lead_time_days)]
TIER1 = {
    "cell_lfp_prismatic": [("jadeway_debrecen", 0.55, 10), ("minjiang_ningde", 0.45, 45)],
    "cell_ncm_pouch": [("seorak_wroclaw", 0.60, 7), ("polarcell_skelleftea", 0.25, 12), ("jadeway_erfurt", 0.15, 5)],
    "cell_lmfp_prismatic": [("minjiang_yibin", 0.70, 50), ("jadeway_debrecen", 0.30, 10)],
    "traction_motor": [("voltaro_schweinfurt", 0.45, 5), ("voltaro_nitra", 0.25, 7), ("eastdrive_changzhou", 0.30, 45)],
    "power_module": [("halbleiter_dresden", 0.60, 5), ("keystone_penang", 0.40, 35)],
    "sensor_module": [("luxor_graz", 0.70, 8), ("taihu_wuxi", 0.30, 40)],
    "aux_battery_12v": [("iberbat_zaragoza", 1.00, 6)],
}

# directed buys: raw materials Northwind contracts itself and consigns to its cell and
# cathode suppliers (not in a product BOM). material -> [(site, share, lead, annual_spend USD)]
DIRECTED = {
    "li_hydroxide": [("swanriver_kwinana", 0.50, 45, 10_000_000), ("rheinlith_bitterfeld", 0.30, 4, 6_600_000)],
    "li_carbonate": [("redbasin_golmud", 0.40, 50, 14_700_000), ("atacama_antofagasta", 0.35, 40, 12_800_000),
                     ("puna_plant", 0.25, 42, 9_200_000)],
    "ni_sulphate": [("morowali_hpal", 0.60, 40, 16_800_000), ("botnia_harjavalta", 0.40, 6, 11_700_000)],
}

# deeper tiers: (buyer_site, material, supplier_site, share, lead_time_days)
DEEP = [
    # --- cell plants
    ("seorak_wroclaw", "ncm_cathode", "gyeongbuk_nysa", 0.45, 5),
    ("seorak_wroclaw", "ncm_cathode", "gyeongbuk_gumi", 0.25, 45),
    ("seorak_wroclaw", "ncm_cathode", "orchid_ivancsa", 0.20, 7),
    ("seorak_wroclaw", "lmfp_cathode", "lotusbay_jorflasfar", 0.80, 15),
    ("seorak_wroclaw", "anode_material", "yeongil_pohang", 0.60, 45),
    ("seorak_wroclaw", "anode_material", "innerrange_changsha", 0.30, 50),
    ("seorak_wroclaw", "electrolyte", "bluewave_wroclaw", 0.50, 3),
    ("seorak_wroclaw", "electrolyte", "hanul_ulsan", 0.30, 45),
    ("seorak_wroclaw", "separator", "kansai_shiga", 0.40, 45),
    ("seorak_wroclaw", "separator", "lakeside_debrecen", 0.40, 7),
    ("seorak_wroclaw", "cu_foil", "meuse_liege", 0.50, 8),
    ("seorak_wroclaw", "cu_foil", "ganjiang_jiujiang", 0.30, 50),
    ("seorak_ochang", "ncm_cathode", "gyeongbuk_gumi", 0.80, 3),
    ("seorak_ochang", "anode_material", "yeongil_pohang", 0.70, 3),
    ("seorak_ochang", "electrolyte", "hanul_ulsan", 0.80, 3),
    ("seorak_ochang", "separator", "kansai_shiga", 0.50, 10),
    ("seorak_ochang", "cu_foil", "ganjiang_jiujiang", 0.40, 15),
    ("jadeway_erfurt", "ncm_cathode", "orchid_ivancsa", 0.50, 8),
    ("jadeway_erfurt", "ncm_cathode", "orchid_xiangtan", 0.50, 50),
    ("jadeway_erfurt", "anode_material", "innerrange_changsha", 0.90, 50),
    ("jadeway_erfurt", "electrolyte", "bluewave_zhangjiagang", 0.70, 45),
    ("jadeway_erfurt", "separator", "lakeside_debrecen", 0.80, 8),
    ("jadeway_erfurt", "cu_foil", "ganjiang_jiujiang", 0.80, 50),
    ("jadeway_debrecen", "lfp_cathode", "lotusbay_jingmen", 0.60, 50),
    ("jadeway_debrecen", "lfp_cathode", "lotusbay_jorflasfar", 0.30, 15),
    ("jadeway_debrecen", "lmfp_cathode", "lotusbay_guiyang", 0.80, 55),
    ("jadeway_debrecen", "anode_material", "innerrange_changsha", 0.80, 50),
    ("jadeway_debrecen", "electrolyte", "bluewave_wroclaw", 0.60, 6),
    ("jadeway_debrecen", "electrolyte", "bluewave_zhangjiagang", 0.30, 45),
    ("jadeway_debrecen", "separator", "lakeside_debrecen", 0.90, 2),
    ("jadeway_debrecen", "cu_foil", "ganjiang_jiujiang", 0.70, 50),
    ("polarcell_skelleftea", "ncm_cathode", "gyeongbuk_nysa", 0.40, 10),
    ("polarcell_skelleftea", "ncm_cathode", "orchid_ivancsa", 0.20, 10),
    ("polarcell_skelleftea", "anode_material", "innerrange_changsha", 0.50, 55),
    ("polarcell_skelleftea", "anode_material", "yeongil_pohang", 0.30, 50),
    ("polarcell_skelleftea", "electrolyte", "hanul_ulsan", 0.50, 50),
    ("polarcell_skelleftea", "separator", "kansai_shiga", 0.60, 50),
    ("polarcell_skelleftea", "cu_foil", "meuse_liege", 0.70, 10),
    ("minjiang_ningde", "lfp_cathode", "lotusbay_jingmen", 0.70, 5),
    ("minjiang_ningde", "anode_material", "innerrange_changsha", 0.60, 4),
    ("minjiang_ningde", "electrolyte", "bluewave_zhangjiagang", 0.60, 3),
    ("minjiang_ningde", "separator", "lakeside_yuxi", 0.70, 6),
    ("minjiang_ningde", "cu_foil", "ganjiang_jiujiang", 0.60, 3),
    ("minjiang_yibin", "lmfp_cathode", "lotusbay_guiyang", 0.90, 4),
    ("minjiang_yibin", "anode_material", "innerrange_changsha", 0.50, 5),
    ("minjiang_yibin", "electrolyte", "bluewave_zhangjiagang", 0.50, 6),
    ("minjiang_yibin", "separator", "lakeside_yuxi", 0.80, 4),
    ("iberiacell_navarra", "lfp_cathode", "lotusbay_jorflasfar", 0.70, 6),
    ("iberiacell_navarra", "anode_material", "yeongil_pohang", 0.50, 45),
    ("iberiacell_navarra", "electrolyte", "hanul_ulsan", 0.50, 45),
    ("iberiacell_navarra", "separator", "kansai_shiga", 0.60, 45),
    ("iberiacell_navarra", "cu_foil", "meuse_liege", 0.60, 6),
    # --- cathode plants
    ("gyeongbuk_gumi", "pcam_ncm", "saemangeum_gunsan", 0.50, 2),
    ("gyeongbuk_gumi", "pcam_ncm", "morowali_pcam", 0.30, 15),
    ("gyeongbuk_gumi", "pcam_ncm", "hanriver_xiangyang", 0.20, 10),
    ("gyeongbuk_gumi", "li_hydroxide", "swanriver_kwinana", 0.40, 20),
    ("gyeongbuk_gumi", "li_hydroxide", "redbasin_suining", 0.40, 12),
    ("gyeongbuk_gumi", "w_oxide", "southernpeaks_ganzhou", 0.60, 12),
    ("gyeongbuk_nysa", "pcam_ncm", "botnia_kokkola", 0.40, 7),
    ("gyeongbuk_nysa", "pcam_ncm", "saemangeum_gunsan", 0.40, 45),
    ("gyeongbuk_nysa", "li_hydroxide", "rheinlith_bitterfeld", 0.30, 3),
    ("gyeongbuk_nysa", "li_hydroxide", "swanriver_kwinana", 0.30, 45),
    ("gyeongbuk_nysa", "li_hydroxide", "redbasin_suining", 0.30, 50),
    ("orchid_ivancsa", "pcam_ncm", "morowali_pcam", 0.60, 45),
    ("orchid_ivancsa", "pcam_ncm", "hanriver_xiangyang", 0.40, 50),
    ("orchid_ivancsa", "li_hydroxide", "redbasin_suining", 0.70, 50),
    ("orchid_ivancsa", "w_oxide", "southernpeaks_ganzhou", 0.50, 50),
    ("orchid_xiangtan", "pcam_ncm", "hanriver_xiangyang", 0.80, 3),
    ("orchid_xiangtan", "li_hydroxide", "redbasin_suining", 0.80, 4),
    ("orchid_xiangtan", "w_oxide", "southernpeaks_ganzhou", 0.80, 3),
    ("lotusbay_jingmen", "fe_phosphate", "greenstone_yichang", 0.90, 2),
    ("lotusbay_jingmen", "li_carbonate", "redbasin_golmud", 0.40, 6),
    ("lotusbay_jingmen", "li_carbonate", "redbasin_suining", 0.30, 4),
    ("lotusbay_jingmen", "li_carbonate", "atacama_antofagasta", 0.20, 40),
    ("lotusbay_guiyang", "fe_phosphate", "greenstone_yichang", 0.80, 3),
    ("lotusbay_guiyang", "li_carbonate", "redbasin_suining", 0.50, 3),
    ("lotusbay_guiyang", "li_carbonate", "puna_plant", 0.30, 45),
    ("lotusbay_guiyang", "hpmsm", "zuojiang_chongzuo", 0.90, 3),
    ("lotusbay_jorflasfar", "fe_phosphate", "atlasphos_jorflasfar", 0.60, 1),
    ("lotusbay_jorflasfar", "fe_phosphate", "greenstone_yichang", 0.30, 35),
    ("lotusbay_jorflasfar", "li_carbonate", "puna_plant", 0.50, 30),
    ("lotusbay_jorflasfar", "li_carbonate", "atacama_antofagasta", 0.30, 30),
    ("lotusbay_jorflasfar", "hpmsm", "zuojiang_chongzuo", 0.70, 40),
    # --- precursor plants
    ("saemangeum_gunsan", "ni_sulphate", "morowali_hpal", 0.60, 15),
    ("saemangeum_gunsan", "co_sulphate", "yangtze_quzhou", 0.50, 8),
    ("saemangeum_gunsan", "hpmsm", "zuojiang_chongzuo", 0.40, 10),
    ("saemangeum_gunsan", "hpmsm", "tosa_kochi", 0.40, 4),
    ("morowali_pcam", "ni_sulphate", "morowali_hpal", 1.00, 1),
    ("morowali_pcam", "co_sulphate", "morowali_hpal", 1.00, 1),
    ("morowali_pcam", "hpmsm", "zuojiang_chongzuo", 1.00, 12),
    ("hanriver_xiangyang", "ni_sulphate", "morowali_hpal", 0.50, 15),
    ("hanriver_xiangyang", "co_sulphate", "yangtze_quzhou", 0.80, 3),
    ("hanriver_xiangyang", "hpmsm", "zuojiang_chongzuo", 0.90, 3),
    ("botnia_kokkola", "ni_sulphate", "botnia_harjavalta", 0.70, 2),
    ("botnia_kokkola", "co_sulphate", "botnia_harjavalta", 0.60, 2),
    ("botnia_kokkola", "hpmsm", "tosa_kochi", 0.50, 45),
    ("botnia_kokkola", "hpmsm", "zuojiang_chongzuo", 0.30, 50),
    # --- sulphate refiners
    ("morowali_hpal", "nickel_ore", "sulawesi_pomalaa", 0.90, 4),
    ("botnia_harjavalta", "nickel_ore", "yilgarn_kalgoorlie", 0.60, 40),
    ("botnia_harjavalta", "co_hydroxide", "lualaba_kolwezi", 0.50, 50),
    ("yangtze_quzhou", "co_hydroxide", "lualaba_kolwezi", 0.80, 45),
    ("zuojiang_chongzuo", "mn_ore", "kalahari_hotazel", 0.60, 40),
    ("tosa_kochi", "mn_ore", "kalahari_hotazel", 0.70, 40),
    # --- lithium
    ("redbasin_suining", "li_raw", "redridge_pilbara", 0.50, 20),
    ("redbasin_suining", "li_raw", "masvingo_mine", 0.30, 40),
    ("redbasin_golmud", "li_raw", "redbasin_qarhan", 0.80, 1),
    ("puna_plant", "li_raw", "puna_salar", 1.00, 1),
    ("atacama_antofagasta", "li_raw", "atacama_salar", 1.00, 2),
    ("swanriver_kwinana", "li_raw", "redridge_pilbara", 0.70, 4),
    ("rheinlith_bitterfeld", "li_raw", "redridge_pilbara", 0.40, 45),
    # --- anode
    ("innerrange_changsha", "synthetic_graphite", "innerrange_baotou", 0.90, 5),
    ("innerrange_changsha", "spherical_graphite", "innerrange_jixi", 0.90, 6),
    ("yeongil_pohang", "synthetic_graphite", "innerrange_baotou", 0.50, 12),
    ("yeongil_pohang", "spherical_graphite", "innerrange_jixi", 0.60, 12),
    ("innerrange_jixi", "nat_graphite", "longjiang_jixi", 0.70, 1),
    ("innerrange_jixi", "nat_graphite", "cabodelgado_balama", 0.20, 45),
    # --- electrolyte and foil
    ("bluewave_zhangjiagang", "lipf6", "quzhoufluoro_quzhou", 0.90, 3),
    ("bluewave_wroclaw", "lipf6", "quzhoufluoro_quzhou", 0.80, 45),
    ("hanul_ulsan", "lipf6", "osakafluoro_sakai", 0.50, 4),
    ("hanul_ulsan", "lipf6", "quzhoufluoro_quzhou", 0.40, 8),
    ("quzhoufluoro_quzhou", "li_carbonate", "redbasin_golmud", 0.50, 6),
    ("osakafluoro_sakai", "li_carbonate", "atacama_antofagasta", 0.60, 35),
    ("meuse_liege", "cu_cathode", "elbe_hamburg", 0.60, 4),
    # --- motors and magnets
    ("voltaro_schweinfurt", "ndfeb_magnet", "steppe_ningbo", 0.60, 45),
    ("voltaro_schweinfurt", "ndfeb_magnet", "hokuriku_fukui", 0.20, 50),
    ("voltaro_schweinfurt", "cu_cathode", "elbe_hamburg", 0.80, 3),
    ("voltaro_nitra", "ndfeb_magnet", "steppe_baotou", 0.70, 50),
    ("voltaro_nitra", "ndfeb_magnet", "baltic_narva", 0.10, 8),
    ("voltaro_nitra", "cu_cathode", "elbe_hamburg", 0.50, 6),
    ("eastdrive_changzhou", "ndfeb_magnet", "steppe_ningbo", 1.00, 3),
    ("sakura_hamamatsu", "ndfeb_magnet", "hokuriku_fukui", 0.40, 3),
    ("sakura_hamamatsu", "ndfeb_magnet", "baltic_narva", 0.50, 50),
    ("steppe_ningbo", "ndpr_metal", "jaderiver_baotou", 0.80, 4),
    ("steppe_ningbo", "dytb_oxide", "jaderiver_ganzhou", 0.90, 3),
    ("steppe_baotou", "ndpr_metal", "jaderiver_baotou", 0.90, 1),
    ("steppe_baotou", "dytb_oxide", "jaderiver_ganzhou", 0.90, 4),
    ("hokuriku_fukui", "ndpr_metal", "jaderiver_baotou", 0.40, 10),
    ("hokuriku_fukui", "ndpr_metal", "baltic_sillamae", 0.20, 45),
    ("hokuriku_fukui", "dytb_oxide", "jaderiver_ganzhou", 0.60, 10),
    ("hokuriku_fukui", "dytb_oxide", "kuantan_gebeng", 0.30, 12),
    ("baltic_narva", "ndpr_metal", "baltic_sillamae", 0.80, 1),
    ("baltic_narva", "dytb_oxide", "kuantan_gebeng", 0.80, 40),
    ("jaderiver_baotou", "ndpr_oxide", "jaderiver_ganzhou", 0.70, 4),
    ("baltic_sillamae", "ndpr_oxide", "kuantan_gebeng", 0.70, 40),
    ("jaderiver_ganzhou", "ree_concentrate", "kachin_chipwi", 0.50, 10),
    ("kuantan_gebeng", "ree_concentrate", "outback_laverton", 1.00, 15),
    # --- power modules, sensors, 12 V
    ("halbleiter_dresden", "gallium", "yellowsea_zibo", 0.70, 45),
    ("halbleiter_dresden", "gallium", "akita_kosaka", 0.20, 50),
    ("keystone_penang", "gallium", "yellowsea_zibo", 0.90, 12),
    ("keystone_phoenix", "gallium", "akita_kosaka", 0.60, 35),
    ("luxor_graz", "germanium", "scheldt_olen", 0.50, 5),
    ("luxor_graz", "germanium", "cloudridge_lincang", 0.40, 50),
    ("taihu_wuxi", "germanium", "cloudridge_lincang", 0.90, 5),
    ("iberbat_zaragoza", "antimony", "hunanridge_lengshuijiang", 0.50, 50),
]

# days_on_hand per BOM material (our own stock)
INVENTORY = [
    ("cell_lfp_prismatic", 28), ("cell_ncm_pouch", 21), ("cell_lmfp_prismatic", 35),
    ("traction_motor", 21), ("power_module", 42), ("sensor_module", 28), ("aux_battery_12v", 14),
]

# material, site, qualification_days, max_share, cost_premium_pct
ALTERNATIVES = [
    ("cell_lfp_prismatic", "iberiacell_navarra", 720, 0.35, 9),
    ("cell_ncm_pouch", "seorak_ochang", 270, 0.30, 6),
    ("cell_lmfp_prismatic", "seorak_wroclaw", 540, 0.40, 11),
    ("traction_motor", "sakura_hamamatsu", 365, 0.40, 12),
    ("power_module", "keystone_phoenix", 180, 0.50, 15),
]

COUNTRY_INFO = {
    "ARG": ("Argentina", "South America"), "AUS": ("Australia", "Oceania"),
    "AUT": ("Austria", "Europe"), "BEL": ("Belgium", "Europe"), "CAN": ("Canada", "North America"),
    "CHL": ("Chile", "South America"), "CHN": ("China", "East Asia"),
    "COD": ("Congo, Democratic Republic of the", "Africa"), "DEU": ("Germany", "Europe"),
    "ESP": ("Spain", "Europe"), "EST": ("Estonia", "Europe"), "FIN": ("Finland", "Europe"),
    "HUN": ("Hungary", "Europe"), "IDN": ("Indonesia", "South-East Asia"),
    "JPN": ("Japan", "East Asia"), "KOR": ("Korea, Republic of", "East Asia"),
    "MAR": ("Morocco", "Africa"), "MMR": ("Myanmar", "South-East Asia"),
    "MOZ": ("Mozambique", "Africa"), "MYS": ("Malaysia", "South-East Asia"),
    "NGA": ("Nigeria", "Africa"), "POL": ("Poland", "Europe"), "RUS": ("Russian Federation", "Europe"),
    "SVK": ("Slovakia", "Europe"), "SWE": ("Sweden", "Europe"), "THA": ("Thailand", "South-East Asia"),
    "USA": ("United States", "North America"), "ZAF": ("South Africa", "Africa"),
    "ZWE": ("Zimbabwe", "Africa"),
}

DOCS = os.path.join(ROOT, "docs", "bundled-data.md")


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        s = repr(round(v, 6))
        if s.endswith(".0"):
            s = s[:-2]
        return s
    return str(v)


def write(name, header, rows):
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(x) for x in r])
    return len(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    counts = {}
    counts["materials"] = write("materials", ["id", "name", "stage", "unit"], MATERIALS)
    counts["recipes"] = write("recipes", ["material_id", "input_material_id", "qty_per_unit"], RECIPES)
    counts["profile"] = write("profile", ["key", "value"], PROFILE)
    ws_rows = []
    for m, pairs, year, src, basis, note in WORLD:
        for c, s in pairs:
            ws_rows.append((m, c, s, year, src, basis, note))
    counts["world_shares"] = write("world_shares", ["material_id", "country", "share", "year", "source",
                                                    "basis", "note"], ws_rows)
    counts["technologies"] = write("technologies", ["id", "name", "stage", "description"], TECHS)
    counts["controls"] = write("controls", CTL_COLS,
                               [c + ("scheduled" if c[0] in SCHEDULED else "confirmed",) for c in CONTROLS])
    ci = []
    for c in CONTROLS:
        for kind, item in CONTROL_ITEMS.get(c[0], []):
            ci.append((c[0], kind, item))
    counts["control_items"] = write("control_items", ["control_id", "item_kind", "item_id"], ci)
    counts["suppliers"] = write("suppliers", ["id", "name", "hq_country", "owner_country"],
                                [(s[0], s[1], s[2], s[3]) for s in SUPPLIERS])
    site_rows = [(st[0], s[0], st[1], st[2], st[3], st[4], RECOVERY_DAYS.get(st[0]))
                 for s in SUPPLIERS for st in s[4]]
    unknown = set(RECOVERY_DAYS) - {r[0] for r in site_rows}
    if unknown:
        sys.exit(f"recovery days for unknown sites {sorted(unknown)}")
    counts["sites"] = write("sites", ["id", "supplier_id", "country", "name", "lat", "lon", "recovery_days"],
                            site_rows)
    counts["site_technologies"] = write("site_technologies", ["site_id", "technology_id", "source_country"],
                                        SITE_TECH)
    counts["products"] = write("products", ["id", "name", "annual_volume", "unit_price"], PRODUCTS)
    counts["product_bom"] = write("product_bom", ["product_id", "material_id", "qty_per_unit"], BOM)
    need = {}
    vol = {p[0]: p[2] for p in PRODUCTS}
    for p, m, q in BOM:
        need[m] = need.get(m, 0) + vol[p] * q
    sup = []
    for m, links in TIER1.items():
        total = need[m] * PRICE[m]
        for site, share, lt in links:
            sup.append(("", m, site, share, float(round(total * share, -3)), lt))
    for m, links in DIRECTED.items():
        for site, share, lt, spend in links:
            sup.append(("", m, site, share, float(spend), lt))
    for b, m, s, share, lt in DEEP:
        sup.append((b, m, s, share, None, lt))
    counts["supply"] = write("supply", ["buyer_site", "material_id", "supplier_site", "share",
                                        "annual_spend", "lead_time_days"], sup)
    counts["inventory"] = write("inventory", ["material_id", "days_on_hand"], INVENTORY)
    counts["alternatives"] = write("alternatives", ["material_id", "site_id", "qualification_days",
                                                    "max_share", "cost_premium_pct"], ALTERNATIVES)
    # countries actually used
    used = set()
    used.update(c for _, pairs, _, _, _, _ in WORLD for c, _ in pairs)
    used.update(t[2] for t in SITE_TECH)
    used.add(dict(PROFILE)["company_country"])
    used.update(r[2] for r in site_rows)
    for s in SUPPLIERS:
        used.update([s[2], s[3]])
    for c in CONTROLS:
        used.add(c[1])
        used.update(x for x in c[8].split(";") if x)
    missing = used - set(COUNTRY_INFO)
    if missing:
        sys.exit(f"no country info for {sorted(missing)}")
    counts["countries"] = write("countries", ["iso3", "name", "region"],
                                [(c, *COUNTRY_INFO[c]) for c in sorted(used)])
    # sources cited
    cited = set()
    if os.path.exists(DOCS):
        cited.update(re.findall(r"\bS\d{3}\b", open(DOCS, encoding="utf-8").read()))
    for r in ws_rows:
        cited.update(r[4].split(";"))
    for c in CONTROLS:
        cited.update(x for x in c[10].split(";") if x)
    for t in TECHS:
        cited.update(re.findall(r"S\d{3}", t[3]))
    for r in ws_rows:
        cited.update(re.findall(r"S\d{3}", r[6] or ""))
    ref = {}
    with open(os.path.join(REF, "sources.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            ref[r["source_id"]] = r
    bad = cited - set(ref)
    if bad:
        sys.exit(f"unknown source ids {sorted(bad)}")
    counts["sources"] = write("sources", ["id", "publisher", "title", "year", "url", "notes"],
                              [(i, ref[i]["publisher"], ref[i]["title"], ref[i]["year"], ref[i]["url"],
                                ref[i]["notes"]) for i in sorted(cited)])
    for k, v in counts.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
