"""The scikit-learn side of the model benchmark (HistGradientBoostingClassifier), for context beside xgboost.

Usage: OMP_NUM_THREADS=2 /usr/bin/python3 bench/model/sklearnPeer.py <data dir> <data name> <params json> <rounds>
Prints one JSON line. Data loading is not timed; fitting includes sklearn's own binning, as ours does.
"""
import json
import resource
import sys
import time

import numpy as np
from peer_data import load
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

data_dir, name, params_json, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
x, labels, train_rows = load(data_dir, name)
rows = len(labels)
params = json.loads(params_json)

model = HistGradientBoostingClassifier(max_iter=rounds, early_stopping=False, random_state=7, **params)
start = time.perf_counter()
model.fit(x[:train_rows], labels[:train_rows])
train_s = time.perf_counter() - start
auc = float(roc_auc_score(labels[train_rows:], model.predict_proba(x[train_rows:])[:, 1]))

peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"train_s": train_s, "auc": auc, "shap_s": None, "peak_rss_mb": peak_rss_mb, "version": sklearn.__version__}))
