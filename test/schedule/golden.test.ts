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
    "a8f57cc4ca41cebf0ce48383a58d376399b3b4ed981420b6d2e5209c4bb8052c",
  "template substance-use adult, 40 people, no staff":
    "9fd40038253515c007d2ec1cffbba74664fd7702edc42d5b2132979ecf1a03d7",
  "template substance-use adult, morning track only, Chicago":
    "c4b222ee2592f150daa5978caff4e95440b5d2bc63d4e4573804be633112b764",
  "template mental-health adult, 30 people, staff":
    "8d64892c77b3bcca4b8029acb675164c17b7815e9a4c5ed07ea83f3692382a4e",
  "template mental-health adult, no staff":
    "7d2657b7bb16ebdc40e217d517ba2e72786906e5e9786569b220914c95a1c12f",
  "template adolescent, 25 people, staff":
    "df856b9fd0206bed18a373d8c259ebb136d09f5b176d0ed55bf80d660d19ec47",
  "template adolescent, no staff, 6 weeks":
    "9d31eeb989f59b32be75a6fc1b5464670f28b7eb916cce341fc78c679bf31774",
  "template eating disorder, London, staff":
    "d08b916cf7ff2e155e8c2264dd4866e6d84e3f3dce9a96cf86b425c097539e8b",
  "template eating disorder, Sydney across its October change":
    "8dc0d7ec91264d5a3e983262cda4717440a93a5d0712a9df70dfcc97185e8882",
  "generated program 1 (America/New_York, from 2026-03-02, 8 people, staff)":
    "feb7e90df3d4087d4170f01643f8ab87e9ee71f545f7cf73e59aa98e8e4c8b75",
  "generated program 2 (Europe/London, from 2026-03-23, 15 people, staff)":
    "fc8ff6ee1840b0fc9eb19b327bc8110de196ea09159133bf5cf7fb4adbf5d114",
  "generated program 3 (Europe/Berlin, from 2026-03-30, 22 people)":
    "f5851da3f2845b5f31ffe67ae9a23ffaa91cdb24c4f09307fc88f1a5664105c8",
  "generated program 4 (Australia/Sydney, from 2026-08-31, 29 people, staff)":
    "08014ed5812a9edf2cc2051c22e178c5eb17c2817eb50cbf1c9ddc7e4dd49e99",
  "generated program 5 (Australia/Lord_Howe, from 2026-09-21, 11 people, staff)":
    "1a2491936dc144f1b4516e47dacbf3568533977438a48db17864952325e5cee1",
  "generated program 6 (America/Santiago, from 2026-09-28, 18 people)":
    "6d76d1b0c060c312cb38c6508782c9909c9fc9cc57b38e8dd2c27ba0761cc7c5",
  "generated program 7 (Pacific/Chatham, from 2026-10-19, 25 people, staff)":
    "ebdce9b0f5f652a1980349bd425f236adb20662df2d0c96492837f49f7803a33",
  "generated program 8 (Asia/Kolkata, from 2026-10-26, 32 people, staff)":
    "3fda887a3bd2872ba9ef1dcc7ddfcfa0c95d2535d07f124b89a6002db948fdcf",
  "generated program 9 (UTC, from 2026-03-02, 14 people)":
    "047f829b0ebbe645d5e353b22e546970756f36a53fe8e6290454389863515ef7",
  "generated program 10 (America/Havana, from 2026-03-23, 21 people, staff)":
    "7f0891c0ca44351c1a41d02f1cece753aed07ac4faa3fc881069ec8f7d7dc042",
  "generated program 11 (Europe/Dublin, from 2026-03-30, 28 people, staff)":
    "44f9c9dd2eca87b3cae0f8c974dadaea0ddcce96e7cf2db483e71aa72afa2742",
  "generated program 12 (America/Los_Angeles, from 2026-08-31, 10 people)":
    "eaa67fb5ecfa1274afe8ff868642122ccb9c90b3e378bce81d3e9327d28b39ec",
  "generated program 13 (Pacific/Auckland, from 2026-09-21, 17 people, staff)":
    "a9bd98f9c8b6630259cb15ad6f8a9e917d0dde808b434d984c0dc55fa7e1e816",
  "generated program 14 (Asia/Beirut, from 2026-09-28, 24 people, staff)":
    "32eb6c6efffaa35fa91ba7a34a5bc7123b276d0e7cc207bb5acd5f4523d4d48d",
  "generated program 15 (America/Chicago, from 2026-10-19, 31 people)":
    "b6c3798a52c18d80763e0b633db4e7908b46abd518dabf0796ef9cf5c482d04f",
  "generated program 16 (America/Asuncion, from 2026-10-26, 13 people, staff)":
    "0d8250d268f7641227670caafe0a0c1d991afc2194fe2d25b50b3d3a355ffeb7",
  "tracks: named evening track, and people who work days":
    "3658dd8aa424d2108cdf032d10b91d322c047ce2c939d8efc5b70660ef3e4b76",
  "tracks: unknown track is unschedulable":
    "61d5047bf804027f31f6224dfc29f30c0060b4ec13c5a8e1520a864ba29113a6",
  "tracks: named track conflicts with availability":
    "15049d0cfa6770d3050a507b62f047de3ccd7b1664340cd42918b710736e2fae",
  "tracks: no track fits": "6b57ae9eb12898753494fffe0d0b2b9b28410dd92cbbf95f88d0e5b321eccc23",
  "staff: one therapist for thirty people":
    "45b592c0a053eab9113e644f561c40870f1dcfe9e0b200fb6fc5e7db7ac3b715",
  "staff: no prescriber (a needed role missing)":
    "fbddff32a20763cb6754206b1744ac3c2d5a3f86bd316b33714ed2eb0bbb031e",
  "staff: part-time team": "780cd0c7037309501a847874749c5b5c408bc973d1393fbb5699e0b16aec7bcb",
  "staff: at most two groups a week each":
    "44fae019f2ed7a5729b225099635a79386429680eeca852ee5342cd59a4a761d",
  "staff: collectors who also counsel":
    "1b3ce60fb4d06a17be4a71cb6b92d758b38504d52a4ee50553e17b46629741a7",
  "staff: an empty list": "1868827984aa561d82478771ca6873d5d9941917062cbb4cd52009e321e4aa56",
  "closures: Thanksgiving, with make-ups":
    "e3e9051fe34df262e5fa5d2c3c5431bb0aff3af43c47425215a80f934a9f6f35",
  "closures: the Christmas week":
    "1564894d6b846fd30aab5ac6fc4e2feda05be5c50e1a9ab0c349be056ac54ca4",
  "closures: four Mondays, no staff":
    "a9319e850b7132f7edde63b131ff2c3815d2a46b7a1a8b5a3028213b08d7d5d7",
  "closures: a two-day week loses a day, make-ups for those who can come":
    "1ae5bd1fde115f1c05c297f4d60ec26f757b4cdd66fe860cc6fa046eaea3f12e",
  "one-to-ones: family and medication for everyone":
    "30ff7d6dc6f03b8cb271e13a1bfd72c06ef46fc0601a8d3be8ad95fcd7a0fb00",
  "one-to-ones: case management, individual sessions every 1–3 weeks":
    "b7fc7a5d32912f0311e40ec32eb5a822c6cd670013217ee4ce7b23920119833a",
  "one-to-ones: no room in the day (no-participant-slot)":
    "df5baf0ed3a29cf10a1eb7cadc00cdc215edac633539fdb590528e09d165e001",
  "one-to-ones: without staff": "7de3dfc7593d19251bd133ab9298b75da51b5ae486d9315168375d19d2e576a8",
  "drug tests: three a week, any spacing":
    "6efbb346eead5e679f2af008051eb92aad12b0f9c5526bcb5ecbe2a1933a942c",
  "drug tests: a week apart": "635b5d9b933e31b671e3f423d98e0f3e0803e4257090a92231dc265600c945b0",
  "drug tests: no favouring the day after a break":
    "2e2eb6319e1268e44b2054a4df1d1b52d13c5795c86ad413de1f966c722d4466",
  "drug tests: 45-minute collections":
    "8f1174cd3bb7374b04621612a1cb78936c36f245a2e6bd83b4e9fb1d51bb25bd",
  "drug tests: seed 1": "313d4af84ec8a010ba5aa2725184361256b2b976da2a0362ce7b219c8447bfeb",
  "drug tests: seed 2": "2f48aa12242d8ad676dd91283bc7bdf737dc0c61207f97fdf67d2809e8c4e49f",
  "drug tests: no collectors": "373d77b2e0f8477e4f0058c55bb121066e967895e39e6db80213d8c6698baddc",
  "rolling admissions: capacity 6, minimum 3":
    "cc0310e5f5b1cfe10ec700be917b4868f28fc2badc3c6a9719add094d271cbca",
  "rolling admissions: capacity 6, no merging":
    "975f5d11632a5d33c161651f1cf2dd6873efa3492bb4894d60f019500880faec",
  "rolling admissions: capacity 8, minimum 5":
    "3c069481ed7680ed45aaae61786b8b0dcb88a15ffc2c5772869d09617d9e070a",
  "rolling admissions: capacity 4, minimum 4":
    "c16ba58f6b7066b663e7e6a8b4ac505dc8f0498d1e006c45c32652bc5600f2b3",
  "rolling admissions: capacity 12, minimum 3, many discharges":
    "9319bb9f59f894635fb1ee92d1bebbceb45bf65a4f503efd69aa05c246028014",
  "re-plan base: the first plan":
    "55bd0382bdce8f4342413e9de7ee766bb0efe266bae4be1e9f7224831a470ae0",
  "re-plan with keep: half discharged":
    "c0fb970e4e202d93715d0c4057eea3521e592e30a68c3e1cb0b7617aef4d0ef9",
  "re-plan with keep: extensions":
    "967f43b5df6ad79fa36fa786e8c4115c337daa5a8da2c52e46dc63415fc8e86c",
  "re-plan with keep: early step-downs":
    "324126d1a70ee1d471bfc5cd82854530c33e9bfc322a1c26eb0c42d06ac9bc25",
  "re-plan with keep: new admissions":
    "3b0be0ec7fe73c663eb2da5de4d8261aa4b83a972276b28dbf43f1ca9df4b93a",
  "re-plan with keep: nothing kept (before the window)":
    "55bd0382bdce8f4342413e9de7ee766bb0efe266bae4be1e9f7224831a470ae0",
  "re-plan with keep: everything kept (after the window)":
    "309b93630a1d798cfdedfce37e036a31d71bbd3d4d925ee5528c8bc4ccdd1130",
  "re-plan with keep: most discharged (groups merge)":
    "f27c6f4ec56b580b9fbea9e7e483929539943d5c56e40e5e68bc2f5ec6ebf743",
  "re-plan with keep: discharges, no staff":
    "7571e6eec0a45273d544f9d606eaccc3b1d493c9036923de1f5533cf6ca83dff",
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
    "5d1ebf1ac832c9fe169210c989551dbdc7929337d9e3537deeff718dcf7a93ea",
  "paths: step-up, extension, phase changes mid-week, discharges":
    "b746c15a9f76ef29cbabd1fb63f0c3465d0107bb7b93c6352e8e29d631b26411",
  "window: one week": "58c7f2a1efba49834ed79dbc90ef396a84e73b6f51c7dff23b26a6bd8459da0f",
  "window: 26 weeks, 60 people": "cbd6b1f971281098046672eeaee9706f37e32a698715ccc34fb6ee7ade1b9bde",
  "window: started long before the window":
    "7398df4fbcdae46980695bded19ad0fdb498f6e5970dc9a4f913502e69b8f9ce",
  "empty: no enrolments": "93b78dcf9d7286e0d119107e6d208948353b8811c052c116ad9abaeda5808628",
  "shortfalls: working people in a one-track program":
    "f5e3508b59eb0bb5800dac70d7256a9324bea8b39351eafb4ee015f19217b266",
  "a 200-person clinic, 12 weeks":
    "802069338369ec8d62cacb4ea6dca3016bee038617ccfc47bdb9ad42790362e6",
  "venues: rooms enough, 30% telehealth, staff":
    "67a2c091506b867320e21093420ed0e3d41d94e2e1a8fcefdd509e93654525c3",
  "venues: rooms run out (one group room, two offices)":
    "4d1678864f03e6856436c8b55f78759ba9608090122149f234b9a8ed1baf7292",
  "venues: two sites 30 minutes apart":
    "11597d27da70bb98d9913d8cb0080da8967624b0ea5dab25b937878d73abfecb",
  "venues: staff limits (6 h a day, 24 h a week, 15-minute breaks)":
    "26af1dee7d5fc7e344a7674eee803d1825b726b835b1e6277878c8be6d866029",
  "venues: modes without telehealth details, no staff":
    "1a3ec98b0c0fdf4dd58e6d0f19753495a0193599511a15a59ed91ab2050a4420",
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
