"""Imported once by the inbox pool's fork server (flows/pool.py), before it forks any worker.

It loads what every document needs (flows.pool.warm), then freezes those objects out of the garbage
collector's reach: a collection in a worker would otherwise write to every one of them and so copy the
pages the workers share with the fork server (jieba's dictionary alone is ~100 MB per process).
"""

import gc

from flows.pool import warm

warm()
gc.freeze()
