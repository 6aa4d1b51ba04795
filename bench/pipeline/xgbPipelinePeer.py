"""The xgboost side of the pipeline benchmark: the run's own training and scoring matrices, prints one JSON line.

Usage: /usr/bin/python3 bench/pipeline/xgbPipelinePeer.py <dump dir> <params json> <max rounds> <early stopping rounds>

The matrices are the ones the engine sent its worker (bench/pipeline/matrixFiles.ts): `train` holds the training
rows first and the validation rows after them (the worker's stratified 80/20 split), `score` every scored customer.
Protocol as ours: train on the 80 %, early-stop on the validation log loss, keep the best iteration, then predict and
explain (pred_contribs) every scored customer. Timed: DMatrix construction + training; DMatrix + predict; contribs.
Reading the files is not timed.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model"))
from peer_data import load  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402


def peak_rss_mb():
    """VmHWM of this process: unlike ru_maxrss it does not carry the parent's size over the exec."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


data_dir, params_json, max_rounds, early_stopping = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
params = json.loads(params_json)
threads = params["nthread"]
x, labels, train_rows = load(data_dir, "train")
x_score, realized, _ = load(data_dir, "score")
score_meta = json.load(open(os.path.join(data_dir, "score.json")))

start = time.perf_counter()
dtrain = xgb.DMatrix(x[:train_rows], label=labels[:train_rows], missing=np.nan, nthread=threads)
dvalid = xgb.DMatrix(x[train_rows:], label=labels[train_rows:], missing=np.nan, nthread=threads)
dmatrix_train_s = time.perf_counter() - start
booster = xgb.train(params, dtrain, num_boost_round=max_rounds, evals=[(dvalid, "valid")], early_stopping_rounds=early_stopping, verbose_eval=False)
train_s = time.perf_counter() - start
best = booster.best_iteration + 1
valid_auc = float(roc_auc_score(labels[train_rows:], booster.predict(dvalid, iteration_range=(0, best))))

start = time.perf_counter()
dscore = xgb.DMatrix(x_score, missing=np.nan, nthread=threads)
probability = booster.predict(dscore, iteration_range=(0, best))
predict_s = time.perf_counter() - start

start = time.perf_counter()
contribs = booster.predict(dscore, pred_contribs=True, iteration_range=(0, best))
contribs_s = time.perf_counter() - start

realized_auc = None
if score_meta.get("realized") and 0 < int(realized.sum()) < len(realized):
    realized_auc = float(roc_auc_score(realized, probability))

print(json.dumps({
    "train_s": train_s,
    "dmatrix_train_s": dmatrix_train_s,
    "predict_s": predict_s,
    "contribs_s": contribs_s,
    "rounds": best,
    "rounds_run": booster.num_boosted_rounds(),
    "valid_auc": valid_auc,
    "realized_auc": realized_auc,
    "train_rows": int(train_rows),
    "valid_rows": int(len(labels) - train_rows),
    "scored": int(len(probability)),
    "contribs_shape": list(contribs.shape),
    "peak_rss_mb": peak_rss_mb(),
    "version": xgb.__version__,
}))
