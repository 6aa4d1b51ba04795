// One benchmark case on our side, in its own process so its peak resident memory is its own.
// Usage: node --import tsx bench/model/oursCase.ts <data name> [--shap]
import { explainRows, predictRaw, train } from '../../electron/engine/model/index';
import { rocAuc } from '../../electron/engine/model/metrics/ranking';
import { columnsOf, readBenchData } from './benchData';
import { OUR_PARAMS, SHAP_ROWS, THREADS } from './benchParams';

const name = process.argv[2];
const withShap = process.argv.includes('--shap');
const data = readBenchData(name);
const { rows, trainRows } = data.meta;
const trainColumns = columnsOf(data, 0, trainRows);
const testColumns = columnsOf(data, trainRows, rows);

// Resident memory sampled after every round: the kernel's maxRSS of a spawned child also counts what its parent
// held at fork time, so it overstates small cases.
let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const trainStart = performance.now();
const model = await train({ features: trainColumns, labels: data.labels.subarray(0, trainRows) }, { featureNames: data.meta.featureNames, params: OUR_PARAMS, onProgress: sampleRss });
sampleRss();
const trainSeconds = (performance.now() - trainStart) / 1000;
const auc = rocAuc(predictRaw(model, testColumns), data.labels.subarray(trainRows, rows));

let shapSeconds: number | null = null;
let shapRows = 0;
if (withShap) {
  shapRows = Math.min(SHAP_ROWS, rows);
  const shapColumns = columnsOf(data, 0, shapRows);
  const shapStart = performance.now();
  await explainRows(model, shapColumns, { threads: THREADS });
  shapSeconds = (performance.now() - shapStart) / 1000;
  sampleRss();
}

const peakRssMb = peakRss / 2 ** 20;
console.log(JSON.stringify({ train_s: trainSeconds, auc, trees: model.trees.length, shap_s: shapSeconds, shap_rows: shapRows, peak_rss_mb: peakRssMb }));
