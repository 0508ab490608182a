// The analytics job of analytics.bench.ts with 1,000,000 attendance rows (10 per episode instead
// of 50): the same episodes, one fifth of the rows. Its peak memory beside the 5M run's shows the
// rows are streamed, not held.
import { analyticsBench } from "./analytics-job";

export default analyticsBench(10, "analytics job, 1M attendance rows");
