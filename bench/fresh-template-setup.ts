import { defaultTemplateSetup } from '../harness/env/index.ts';

// The harness's own template setup under a version of the caller's (BENCH_TEMPLATE_VERSION), so a
// benchmark can start from a template no run has built yet (the version is part of its key).
export default defaultTemplateSetup;
export const version = `bench:${process.env.BENCH_TEMPLATE_VERSION ?? 'default'}`;
