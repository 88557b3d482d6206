variable "region" {
  description = "AWS region of the install."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Prefix of every resource; also the Postgres database name."
  type        = string
  default     = "aide"
}

variable "vpc_cidr" {
  type    = string
  default = "10.40.0.0/16"
}

variable "azs" {
  description = "Three availability zones: MSK and RDS spread over them."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "db_password" {
  description = "Master password of the RDS PostgreSQL instance (AIDE_PG_PASSWORD)."
  type        = string
  sensitive   = true
}

variable "node_instance_type" {
  type    = string
  default = "m6i.large"
}
