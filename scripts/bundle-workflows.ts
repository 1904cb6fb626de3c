import { resolve } from 'node:path';
import { writeWorkflowBundle } from '../src/infra/temporal/workflow-bundle';

/** `node dist/scripts/bundle-workflows.js <file>`: the bundle workers load through GOVFLOW_WORKFLOW_BUNDLE. */
const file = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
writeWorkflowBundle(file).then(
  () => console.log(`工作流代码已打包：${file}`),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
