// The list of jobs the worker runs. Import order does not matter; names must be unique.
import type { JobDefinition } from "@/lib/jobs/job-definitions";
import { healthCheckJob } from "@/lib/jobs/health-check-job";

export const jobDefinitions: JobDefinition<never>[] = [healthCheckJob as JobDefinition<never>];
