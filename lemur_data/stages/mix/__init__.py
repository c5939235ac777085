"""Mix: the token cache -> the training stream: <out>/shards/, <out>/provenance/, <out>/mix-plan/plan.json.

The plan (`lemur_data.mixture`) is made on the driver from the tokenize manifest's counts and fails before Spark
starts when it is infeasible. Then, over the cache's metadata only (doc_id, source, n_tokens):

1. Selection. Source s must fill exactly rows_s * seq_len tokens = F full passes over its A tokens plus a partial
   pass of P < A tokens. Full pass c orders the documents by xxhash64(seed; source, doc_id, c); the partial pass
   orders them by u = xxhash64(seed; source, doc_id) / 2^64 and takes documents until P tokens are filled (the
   last one is cut). So copies per document = F + [u < theta_s], where theta_s is frac(r) nudged so the source fills
   its rows exactly (both are in the manifest); no rand(), nothing depends on partitioning.
2. Offsets. A document copy's position in its source's stream is pass * A + the tokens before it in the pass: a
   parallel prefix sum (per hash bucket in Spark, bucket totals added on the driver).
3. Pieces. The source's stream is cut into rows of seq_len; row k of source s goes to the stream position that
   `mixture.interleave` gave it (greatest sampling error first). A copy becomes one piece per row it touches.
4. Tokens. Pieces are grouped by token-cache unit; a task reads each unit once with pyarrow and slices the tokens.
5. Shards. Pieces are shuffled by shard (seq_idx // shard_rows) and sorted by (seq_idx, row_offset); a task writes
   each shard and its provenance sidecar with pyarrow, row groups at fixed seq_idx boundaries, and returns the
   counts the manifest's validation needs (row lengths, EOS vs documents, token ids, tokens per source).
"""

from __future__ import annotations

import hashlib
from typing import Any

from lemur_data import mixture
from lemur_data.config import redact_uri
from lemur_data.mixture import MixPlan
from lemur_data.stage import Prepared, RunContext
from lemur_data.stages.mix.materialize import Materializer, MixInputs
from lemur_data.stages.mix.shards import PLAN_DIR, PROVENANCE_DIR, SHARDS_DIR


class MixStage:
    name = "mix"
    dirs = (SHARDS_DIR, PROVENANCE_DIR, PLAN_DIR)
    config_keys = ("seed", "mix")

    def prepare(self, ctx: RunContext) -> Prepared:
        upstream_stage = ctx.previous_stage(self.name)
        upstream, sha, uri = ctx.upstream(upstream_stage)
        plan = plan_from_manifest(ctx, upstream)
        mixture.check_feasible(plan)
        inputs = {"upstream": [{"stage": upstream_stage, "uri": redact_uri(uri), "sha256": sha}]}
        return Prepared(hashlib.sha256(sha.encode()).hexdigest(), inputs, MixInputs(upstream_stage, upstream, plan))

    def execute(self, ctx: RunContext, prepared: Prepared) -> dict[str, Any]:
        inputs: MixInputs = prepared.plan
        return Materializer(ctx, inputs).run()


def plan_from_manifest(ctx: RunContext, tokenize_manifest: dict[str, Any]) -> MixPlan:
    return mixture.plan_mixture(ctx.cfg, mixture.available_from_manifest(tokenize_manifest))

