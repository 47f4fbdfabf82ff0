"""Imported by the local pool's forkserver (pipeline.pool) before it forks any worker: loads, once, what every
task needs — the jieba dictionary, the division table, the template, the readers' imports — so that each worker
forked from it starts warm instead of spending a second or more loading them again."""

from pipeline.tasks import warm

warm()
