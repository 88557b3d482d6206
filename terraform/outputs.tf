# Values for deploy/k8s/config.yaml (the environment variables of every service).
output "AIDE_PG_HOST" {
  value = aws_db_instance.postgres.address
}

output "AIDE_REDIS_URL" {
  value = "rediss://${aws_elasticache_replication_group.redis.primary_endpoint_address}:6379"
}

output "AIDE_KAFKA_BOOTSTRAP" {
  value = aws_msk_cluster.kafka.bootstrap_brokers
}

output "AIDE_S3_BUCKET" {
  value = aws_s3_bucket.artifacts.bucket
}

output "eks_cluster_name" {
  value = aws_eks_cluster.this.name
}
