"""Reads a benchmark data set as written by benchData.ts, for the Python peers."""
import json

import numpy as np


def load(data_dir, name):
    """Returns (rows x features float32 matrix, uint8 labels, number of training rows)."""
    meta = json.load(open(f"{data_dir}/{name}.json"))
    rows, features, train_rows = meta["rows"], meta["features"], meta["trainRows"]
    values = np.fromfile(f"{data_dir}/{name}.f32", dtype=np.float32).reshape(features, rows)
    labels = np.fromfile(f"{data_dir}/{name}.u8", dtype=np.uint8)
    return np.ascontiguousarray(values.T), labels, train_rows
