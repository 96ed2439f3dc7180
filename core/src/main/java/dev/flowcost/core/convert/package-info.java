/**
 * Converts Airflow DAGs into draft Step Functions state machines ({@link dev.flowcost.core.convert.DagToAslConverter}).
 *
 * <p>Mapping (operator family / class → state):
 * <ul>
 *   <li>GlueJobOperator → Task {@code glue:startJobRun.sync} {JobName}</li>
 *   <li>GlueCrawlerOperator → Task {@code aws-sdk:glue:startCrawler} {Name}, Wait 60 s, {@code aws-sdk:glue:getCrawler},
 *       Choice {@code $.Crawler.State == "READY"} (Default back to the Wait)</li>
 *   <li>LambdaInvokeFunctionOperator → {@code lambda:invoke} {FunctionName, Payload}</li>
 *   <li>EmrAddStepsOperator → {@code elasticmapreduce:addStep.sync} {ClusterId, Step}</li>
 *   <li>EcsRunTaskOperator → {@code ecs:runTask.sync} {Cluster, TaskDefinition, LaunchType}</li>
 *   <li>BatchOperator → {@code batch:submitJob.sync} {JobName, JobQueue, JobDefinition}</li>
 *   <li>AthenaOperator → {@code athena:startQueryExecution.sync} {QueryString}</li>
 *   <li>SageMaker training / processing / transform → {@code sagemaker:create*Job.sync}</li>
 *   <li>SnsPublishOperator → {@code sns:publish}; SqsPublishOperator → {@code sqs:sendMessage}</li>
 *   <li>StepFunctionStartExecutionOperator, TriggerDagRunOperator → {@code states:startExecution.sync:2}</li>
 *   <li>S3KeySensor → Task {@code aws-sdk:s3:headObject}, Catch S3.NoSuchKey → Wait poke_interval → check again</li>
 *   <li>other sensors, ExternalTaskSensor → Pass with a note (use an EventBridge trigger)</li>
 *   <li>PythonOperator, BashOperator, {@code @task}, other and unknown operators → {@code lambda:invoke} with a
 *       placeholder function, or {@code ecs:runTask.sync} when the workload says an attempt runs over 900 s</li>
 *   <li>EmptyOperator → Pass, or no state when it only joins two or more upstreams</li>
 *   <li>branch operators → the callable as a Lambda Task, then a Choice with a rule per downstream option
 *       (Default the first); ShortCircuitOperator → Choice true → continue, Default → Succeed</li>
 *   <li>mapped tasks ({@code .expand}) → inline Map (MaxConcurrency 40), or a Distributed Map of Express children
 *       when the workload gives more than 1,000 items</li>
 *   <li>retries → Retry States.ALL (retry_delay, default 300 s; BackoffRate 2.0 with exponential backoff, else 1.0;
 *       MaxDelaySeconds from max_retry_delay); execution_timeout → TimeoutSeconds</li>
 *   <li>trigger rules all_done/always → a Catch States.ALL on the upstream stage leading to the task; none_failed*
 *       and none_skipped run as all_success; the rest are noted as unfaithful</li>
 * </ul>
 * The graph is laid out by {@code DagLayout}: series-parallel parts become chains and Parallel states; other parts
 * are laid out by topological level.
 */
package dev.flowcost.core.convert;
