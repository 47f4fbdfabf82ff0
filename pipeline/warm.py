"""Imported by the local pool's forkserver (pipeline.pool) before it forks any worker: loads, once, what every
task needs — jieba and its tags, the division table, the template, the readers' imports — so that each worker
forked from it starts warm instead of spending a second or more loading them again.

Then every object loaded is moved to the collector's permanent generation (gc.freeze): a worker's full
collections would otherwise walk the whole warm heap (~0.15 s each, a few ms per report) and, writing each
object's collector header, copy every page of it from the forkserver (copy-on-write). The workers' youngest generation is collected
less often (extractors.cache.collect_young_rarely says why)."""

import gc

gc.disable()  # what the warm-up makes all lives on (jieba's ~850,000 words and tags): collecting meanwhile finds nothing
from extractors.cache import collect_young_rarely  # noqa: E402
from pipeline.tasks import warm  # noqa: E402

warm()
# frozen without a collection first: it found ~400 objects of garbage in 0.09 s (a walk of jieba's tables), time
# the first worker waited for
gc.freeze()
gc.enable()
collect_young_rarely()
