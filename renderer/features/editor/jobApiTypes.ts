/**
 * The job API's TypeScript declarations, given to Monaco so learners get autocomplete and
 * error squiggles offline. The declarations live in labs/jobApi.d.ts, where the labs' own job
 * files are type-checked against them: the editor and the labs see one description.
 */
export { default as JOB_API_DTS } from '../../../labs/jobApi.d.ts?raw';
