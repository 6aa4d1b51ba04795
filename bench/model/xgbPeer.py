"""The xgboost side of the model benchmark: reads the same files as ours, prints one JSON line.

Usage: /usr/bin/python3 bench/model/xgbPeer.py <data dir> <data name> <params json> <rounds> <shap rows>
(shap rows 0 = no TreeSHAP timing). Data loading and DMatrix construction are not timed.
"""
import json
import resource
import sys
import time

import numpy as np
from peer_data import load
import xgboost as xgb
from sklearn.metrics import roc_auc_score

data_dir, name, params_json, rounds, shap_rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
x, labels, train_rows = load(data_dir, name)
rows = len(labels)
params = json.loads(params_json)

dtrain = xgb.DMatrix(x[:train_rows], label=labels[:train_rows], missing=np.nan, nthread=params["nthread"])
dtest = xgb.DMatrix(x[train_rows:], missing=np.nan, nthread=params["nthread"])

start = time.perf_counter()
booster = xgb.train(params, dtrain, num_boost_round=rounds)
train_s = time.perf_counter() - start
auc = float(roc_auc_score(labels[train_rows:], booster.predict(dtest)))

shap_s = None
if shap_rows > 0:
    dshap = xgb.DMatrix(x[: min(shap_rows, rows)], missing=np.nan, nthread=params["nthread"])
    start = time.perf_counter()
    booster.predict(dshap, pred_contribs=True)
    shap_s = time.perf_counter() - start

peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"train_s": train_s, "auc": auc, "shap_s": shap_s, "peak_rss_mb": peak_rss_mb, "version": xgb.__version__}))
