// Golden plans: the SHA-256 of the canonical JSON of planSchedule's output for ~80 fixed inputs
// (golden-inputs.ts). A refactor or a speed change must keep every hash; a deliberate change of
// behaviour updates the hashes it moves, and its commit says which and why.
//
// Canonical JSON: object keys sorted, no whitespace, and every `formatVersion` key removed (a
// record-format version is not planning behaviour). To print the current table:
//   GOLDEN_PRINT=1 npx vitest run test/schedule/golden.test.ts
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { planSchedule } from "iopkit";
import { goldenCases } from "./golden-inputs";

/** JSON with sorted keys and without `formatVersion` keys, at any depth. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([k, v]) => k !== "formatVersion" && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

const GOLDEN: Readonly<Record<string, string>> = {
  "template substance-use adult, 40 people, staff":
    "9680d2fbcc99514f80be6e1b5ced244e9c1bb00e1cce40c561599dca1ec99bba",
  "template substance-use adult, 40 people, no staff":
    "9559498cc42494eb3234a3c799e9baca619b8fa9e5238dcf55966d2e58c7a992",
  "template substance-use adult, morning track only, Chicago":
    "5b840abf287082c0f34ee6c4dbc313a990cb3d2affe251216ec7623be5bb4eab",
  "template mental-health adult, 30 people, staff":
    "8d64892c77b3bcca4b8029acb675164c17b7815e9a4c5ed07ea83f3692382a4e",
  "template mental-health adult, no staff":
    "7d2657b7bb16ebdc40e217d517ba2e72786906e5e9786569b220914c95a1c12f",
  "template adolescent, 25 people, staff":
    "6c06e856aebde884e36c463fe845deec7fdd36c2717be17fa3a843f83216cd7e",
  "template adolescent, no staff, 6 weeks":
    "0b945b3d5c99c95d9f0163028b7057a5555b43429499872af5c5a0609cc690ef",
  "template eating disorder, London, staff":
    "71bd197fa920ed60d9e1e4cf304b512b3e6b454253076c4530526bbb3a426275",
  "template eating disorder, Sydney across its October change":
    "f2c1bd8c79ba4faed55821d8aade0cdcab9834eeae62a75585654f3184ee0bb7",
  "generated program 1 (America/New_York, from 2026-03-02, 8 people, staff)":
    "26adac576b27f72f888fc763f48430487ee8909b6f4460c6c23823e26d818931",
  "generated program 2 (Europe/London, from 2026-03-23, 15 people, staff)":
    "fc8ff6ee1840b0fc9eb19b327bc8110de196ea09159133bf5cf7fb4adbf5d114",
  "generated program 3 (Europe/Berlin, from 2026-03-30, 22 people)":
    "546453a0b557eb3f21628512c0d452a3938f78f164f1fc46c4cd9d602fd51a1d",
  "generated program 4 (Australia/Sydney, from 2026-08-31, 29 people, staff)":
    "08e0ea4f9c5c8c2e211a151d60c30da887b8d5704b9b9a25dcfd80de767b5344",
  "generated program 5 (Australia/Lord_Howe, from 2026-09-21, 11 people, staff)":
    "06b504ca943e008579e71b5c64e89ef45fa3a41979cd34e785a2819305f274fb",
  "generated program 6 (America/Santiago, from 2026-09-28, 18 people)":
    "86991647c3267deb1fb98ecab3131561987a88372fe72f9de277765cd8d9197a",
  "generated program 7 (Pacific/Chatham, from 2026-10-19, 25 people, staff)":
    "ebdce9b0f5f652a1980349bd425f236adb20662df2d0c96492837f49f7803a33",
  "generated program 8 (Asia/Kolkata, from 2026-10-26, 32 people, staff)":
    "6d3185337267c8fe9dc49320e86188b928b5c62ed576e8db23c1ee828ae6301f",
  "generated program 9 (UTC, from 2026-03-02, 14 people)":
    "e8af6d6b7eb2f5051a7f3cb534678971327c57efcd2473cc21ea30175478588b",
  "generated program 10 (America/Havana, from 2026-03-23, 21 people, staff)":
    "56de59d17b1125a1d8fd5a814302027aaf9da747aaf5e869ebf47450fd90623c",
  "generated program 11 (Europe/Dublin, from 2026-03-30, 28 people, staff)":
    "44f9c9dd2eca87b3cae0f8c974dadaea0ddcce96e7cf2db483e71aa72afa2742",
  "generated program 12 (America/Los_Angeles, from 2026-08-31, 10 people)":
    "eaa67fb5ecfa1274afe8ff868642122ccb9c90b3e378bce81d3e9327d28b39ec",
  "generated program 13 (Pacific/Auckland, from 2026-09-21, 17 people, staff)":
    "823c0a5d8196f25a1a7cd7753539eaa6007432de8d7963e7bfe058500af5a2d4",
  "generated program 14 (Asia/Beirut, from 2026-09-28, 24 people, staff)":
    "7e9fd74fd5b7d6bade6b2b3184dc7586144f617e95abf11d39c40884d5327639",
  "generated program 15 (America/Chicago, from 2026-10-19, 31 people)":
    "28fe60c8d8a9adbdaab16e8913f7d002c6ceb1fcbe2e87941c6a4eda7ea97051",
  "generated program 16 (America/Asuncion, from 2026-10-26, 13 people, staff)":
    "0d8250d268f7641227670caafe0a0c1d991afc2194fe2d25b50b3d3a355ffeb7",
  "tracks: named evening track, and people who work days":
    "19cc8629256b1a6f13d58a4648a04b6da79fd45422cc8e39b782847d939cdcc0",
  "tracks: unknown track is unschedulable":
    "b551af23e974bfb18b60c486b7c0f885781acf5863a10500c4677bb8ac59375c",
  "tracks: named track conflicts with availability":
    "e6270b6b771e0f78b2b31fc511dd6c77976607cf3a2a13cf96634ddb8385891f",
  "tracks: no track fits": "05ccb6b5f742b1b738316fd88e400b7a29946550b92370f5fd01b14c4265917c",
  "staff: one therapist for thirty people":
    "ad41e408ef6183e3d35a63b4d90ba5f3eebe38d793ff12968f936b094c60c750",
  "staff: no prescriber (a needed role missing)":
    "eb3e9c5ea19a3e00ad8bf4b1a44bf9ea1193029279f357775d0cddc927c9bc12",
  "staff: part-time team": "35444a6ed0906676b500fd4dd76f0a29a938a1d7ef5452741573af2329c73540",
  "staff: at most two groups a week each":
    "24faaa9cd51a78980ddfeb2129f86b6fd078a1f7ef22f5be35b929ff6ee31744",
  "staff: collectors who also counsel":
    "a72eefddeb8e63da593020d203ebdafc4dc745293e049cd2fe4e1608481adcb9",
  "staff: an empty list": "1868827984aa561d82478771ca6873d5d9941917062cbb4cd52009e321e4aa56",
  "closures: Thanksgiving, with make-ups":
    "18f70e8c9e3818b128682eacf7b10086eed3917401e8363bd3e2cb7e03bc87bd",
  "closures: the Christmas week":
    "0e5b2d7ac27a8a802e0e209e42fd3a4da999ac56f70b72613f1e7499df001ef8",
  "closures: four Mondays, no staff":
    "01b5c43d1dc8071c4f0c0d20f7b343fdd1c4ff82db1b4a471117ed447afdfe3a",
  "closures: a two-day week loses a day, make-ups for those who can come":
    "1ae5bd1fde115f1c05c297f4d60ec26f757b4cdd66fe860cc6fa046eaea3f12e",
  "one-to-ones: family and medication for everyone":
    "30ff7d6dc6f03b8cb271e13a1bfd72c06ef46fc0601a8d3be8ad95fcd7a0fb00",
  "one-to-ones: case management, individual sessions every 1–3 weeks":
    "b7fc7a5d32912f0311e40ec32eb5a822c6cd670013217ee4ce7b23920119833a",
  "one-to-ones: no room in the day (no-participant-slot)":
    "769dff70bea2365c236c334f87a88efecaa3121cdc396855af0315eabfc5fa0c",
  "one-to-ones: without staff": "7de3dfc7593d19251bd133ab9298b75da51b5ae486d9315168375d19d2e576a8",
  "drug tests: three a week, any spacing":
    "132e247610e12b6bf5ca8dc14715b3dc81d4fe3184d73e589990da4c3b24809a",
  "drug tests: a week apart": "9f5ec1d5bda4ff3257ad90a93f2beef54ed3fb489176f0d4a121d18e191f0acf",
  "drug tests: no favouring the day after a break":
    "2e2eb6319e1268e44b2054a4df1d1b52d13c5795c86ad413de1f966c722d4466",
  "drug tests: 45-minute collections":
    "bb1fa86717ee2becceaba4994538f79cb30029a0ddbfbc5919c51640cef66aa7",
  "drug tests: seed 1": "1b3df5fcc79206e65178f249575f6eda8a62bf5a99a80719c09cdc55354e8294",
  "drug tests: seed 2": "8731cd00fa1b521b73ff69f4dfb1211e7abe900f5fd6989e3579e60353926087",
  "drug tests: no collectors": "373d77b2e0f8477e4f0058c55bb121066e967895e39e6db80213d8c6698baddc",
  "rolling admissions: capacity 6, minimum 3":
    "677937aac07f33cdc294fe347ad585f0242a5c375979c2532602cf325338d4ba",
  "rolling admissions: capacity 6, no merging":
    "b03218635fbd18266dcf209e6be7e12371543867a0d7c4578bf2b7419d6c883b",
  "rolling admissions: capacity 8, minimum 5":
    "52bdac78b0e1d25649a14bf7c02c480a1058f4996da3c4fdfe40fecdfd1d26fd",
  "rolling admissions: capacity 4, minimum 4":
    "106e0197123dd71a3915bdb1d454733be596481a63ecc917dc4f4db5cd98f4a7",
  "rolling admissions: capacity 12, minimum 3, many discharges":
    "2254fd9aead98fa988464b009aa7e1246d81cb342955c3bfa244e370681edfd6",
  "re-plan base: the first plan":
    "85127857e13bee9b6270de350bc6507b97cd956482b006fbb7a9e2db38e09d50",
  "re-plan with keep: half discharged":
    "e9a85def877d2fe260963180a27b1f317dbddbf260aa4982fec10d8a0ab0ff28",
  "re-plan with keep: extensions":
    "d198a6fbee098093622566d5fb6db4be146972c677b4d973722c6d4c04f4ef5e",
  "re-plan with keep: early step-downs":
    "0e2a31ef1b856cd544ce449055a6644b26626e229a52aebc721cae9a66410a0a",
  "re-plan with keep: new admissions":
    "ab6feafcd4ae359f5c7c3da5aaba4b5f8e567b302c1d9bcbc7ea6528bbbb1a8d",
  "re-plan with keep: nothing kept (before the window)":
    "85127857e13bee9b6270de350bc6507b97cd956482b006fbb7a9e2db38e09d50",
  "re-plan with keep: everything kept (after the window)":
    "ad9669c08fd1951cbfc0e8d0eab28712944534962e426bd40b06c969de56f081",
  "re-plan with keep: most discharged (groups merge)":
    "dc2f185e04e82451ac1598c2803799eb7d620035f963e4f0cd85ea98b2363f0c",
  "re-plan with keep: discharges, no staff":
    "672ce939dcfa26a0e00d53baad1ff962ca2a471c4cf494a362a33e6740ab2976",
  "DST: Berlin spring gap, Sunday 02:30":
    "549acb57857750490f12f3273a8965a868d40b89e3de796438371ef98c1ba333",
  "DST: Berlin autumn overlap, Sunday 02:30":
    "a8b966cfaaae4c6dd2494ae2a20fa85f2976a9bfeef2aad38bff6ebbfd60e054",
  "DST: New York spring gap, Sunday 02:15":
    "628f88eac62ffd5d6e1d028c66af1f2a8a56290a4f26093df1bf95a5328fc58f",
  "DST: New York autumn overlap, Sunday 01:30":
    "37b47cbda592ce06cd36e1764c4e9e0d10a8b27e9d385a73accf6204cc04f1cd",
  "DST: Lord Howe half-hour change, Sunday 01:45":
    "69010793aca038fb71f025d2ad811c1780ae621bdb8f71cb106a8fa2ddf1cd80",
  "DST: Santiago midnight change, Sunday 00:00":
    "5980f2ebf24a22bd1d7e3fc91fb4ec4161413c7c724b8c2c4f1f8dc9849f5f34",
  "DST: Havana midnight change, Sunday 00:30":
    "96f6ff2a6efb3d500f87da70c920af2c97be7ec70255ed935ae25e8454479d3b",
  "DST: Chatham spring, Sunday 02:45":
    "de5734f5fc6a28905a5f6b785fb38c77e7477ff1984a729402c3dd546fad3571",
  "DST: mental-health template in Europe/London from 2026-03-23":
    "60563fd9377377d9290588a85469407df683f02c12e369057637b67604349a10",
  "DST: mental-health template in Australia/Sydney from 2026-03-30":
    "15e2c7ba4148c2b34d139c494c1c665014a8eb0eb4f658a7628498f385f8b815",
  "DST: mental-health template in America/Los_Angeles from 2026-10-26":
    "21c6ab45c43fa66091bdc08cae56982e0e876e5fcaadf268d90d3ff24c6477ce",
  "DST: mental-health template in Pacific/Auckland from 2026-09-21":
    "1670b488bdd07348998dcf67d151f40d764877cfff92e14fc3e42c80067edb69",
  "unschedulable: duplicate, unknown phase, outside the window, only a weekend":
    "8c74440ab810915e049ac12ac98c77b417c138b9a874d8ca006f5e21022b6ad5",
  "paths: step-up, extension, phase changes mid-week, discharges":
    "5c773efecc0f1609f0bbe82f4d984934c723e2e63cc9f34545732e8b3983532f",
  "window: one week": "eff36df217c077d1fec513c773a33d7e0eb9c0e48bd6dafc9d8b461333fde247",
  "window: 26 weeks, 60 people": "cb42f4baf165c9477eba42ba49be5160e9e7fb84fa427ad979b3a4f506808493",
  "window: started long before the window":
    "7ffdd40eeb043959b71367f85303eeb12640242bd7431b47f6c062de68ecf917",
  "empty: no enrolments": "93b78dcf9d7286e0d119107e6d208948353b8811c052c116ad9abaeda5808628",
  "shortfalls: working people in a one-track program":
    "3c18042495996045d4ed4eabbecfe95b7e9072706ae056e2fa4e71f61150926b",
  "a 200-person clinic, 12 weeks":
    "54ba7e7fcd346d9713a68ae426aed39c02198d342be4ce90076b0fc18dff43d6",
  "venues: rooms enough, 30% telehealth, staff":
    "615a3f43139a0f1d62f6c2fa99c2de4fdd0dea1e294932c67258453ce0384e2c",
  "venues: rooms run out (one group room, two offices)":
    "7ac7ac161105c53876c718dc49146267b53f3eded0f5e42eb2e325d963819d98",
  "venues: two sites 30 minutes apart":
    "525410da9f7a8c4817800b1f51d1121221628b8a9342497cbfaf60b4c21563cf",
  "venues: staff limits (6 h a day, 24 h a week, 15-minute breaks)":
    "42ee033f179eac5f1ebdf8f4808a76bfdd8b5d5a35d250dd47335c70c5b982b5",
  "venues: modes without telehealth details, no staff":
    "6384a4375039e460f6cda59d064f181577fae777a232f4ead893011331b0992d",
};

const cases = goldenCases();

describe("golden plans", () => {
  it("has one hash per case, and unique case names", () => {
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(GOLDEN).sort()).toEqual([...names].sort());
  });

  it("canonical JSON sorts keys and drops formatVersion at any depth", () => {
    expect(
      canonicalJson({ b: 1, formatVersion: 2, a: [{ z: true, formatVersion: 1, y: null }] }),
    ).toBe('{"a":[{"y":null,"z":true}],"b":1}');
  });

  const printed: Record<string, string> = {};
  afterAll(() => {
    if (process.env["GOLDEN_PRINT"] === "1") console.log(JSON.stringify(printed, null, 2));
  });
  it.each(cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const hash = sha256(canonicalJson(planSchedule(c.input)));
    printed[name] = hash;
    expect(hash).toBe(GOLDEN[name]);
  });
});
