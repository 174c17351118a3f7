"""The Spark job script: ``spark-submit python/tidings_spark/job.py [--format warc|html|jsonl] INPUT OUTPUT``.

All the work is in ``tidings.spark`` (inside the wheel), so this file is the
same on a laptop and on a cluster; docs/PYTHON.md says how to ship the wheel
to the executors.
"""

import sys

from tidings.spark import main

if __name__ == "__main__":
    sys.exit(main())
