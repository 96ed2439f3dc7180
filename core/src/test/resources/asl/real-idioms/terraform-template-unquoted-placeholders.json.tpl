{
  "Comment": "A Terraform templatefile(): numbers come from unquoted ${...} placeholders",
  "StartAt": "Fan out",
  "States": {
    "Fan out": {
      "Type": "Map",
      "ItemsPath": "$.items",
      "MaxConcurrency": ${max_concurrency},
      "ItemProcessor": {
        "StartAt": "Work",
        "States": {
          "Work": {
            "Type": "Task",
            "Resource": "${worker_arn}",
            "TimeoutSeconds": ${timeout_seconds},
            "End": true
          }
        }
      },
      "End": true
    }
  }
}
