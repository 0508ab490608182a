// Analytics at scale: 100,000 episodes and 5,000,000 attendance rows streamed once into all seven
// aggregates (census, length of stay, retention, attendance rates, measurement-based care, TEDS-D
// records, follow-up measures). Goals: under 3 s, 20× the luxon-per-record job, and a peak memory
// that does not grow with the rows (compare analytics-1m.bench.ts, the same with 1,000,000 rows).
import { analyticsBench } from "./analytics-job";

export default analyticsBench(50, "analytics job, 5M attendance rows");
