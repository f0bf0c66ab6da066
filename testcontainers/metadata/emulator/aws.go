package emulator

import (
	"net/http"
	"strconv"
)

// AWS values: an EC2 instance in eu-west-1, and an ECS task on Fargate in
// the same account.
const (
	AWSAccountID        = "123456789012"
	AWSRegion           = "eu-west-1"
	AWSAvailabilityZone = "eu-west-1a"
	EC2InstanceID       = "i-0a1b2c3d4e5f67890"
	EC2ImageID          = "ami-0c1d2e3f4a5b6c7d8"
	EC2InstanceType     = "t3.medium"
	EC2Hostname         = "ip-10-0-1-23.eu-west-1.compute.internal"
	// ECSPath is the path of the container's metadata; the task's is
	// ECSPath + "/task". ECS_CONTAINER_METADATA_URI_V4 is the URL of ECSPath.
	ECSPath    = "/v4/8f03e41243824aea923aca126495f665-3822082590"
	ECSCluster = "shop"
	ECSFamily  = "checkout"
	ECSTaskID  = "8f03e41243824aea923aca126495f665"
)

// ec2Token is the session token the emulator hands out; IMDSv2 clients send
// it back in X-aws-ec2-metadata-token.
const ec2Token = "AQAEAFakeTokenForTheOteldocsEmulator=="

// ec2 serves IMDSv2: PUT /latest/api/token returns a token and echoes the
// TTL the client asked for (the AWS SDK for Go v2 reads that header), and
// every GET must carry the token, as on an instance whose metadata options
// say HttpTokens=required. A GET without it gets 401.
func ec2(mux *http.ServeMux) {
	mux.HandleFunc("PUT /latest/api/token", func(w http.ResponseWriter, r *http.Request) {
		ttl, err := strconv.Atoi(r.Header.Get("X-aws-ec2-metadata-token-ttl-seconds"))
		if err != nil || ttl < 1 || ttl > 21600 {
			http.Error(w, "invalid X-aws-ec2-metadata-token-ttl-seconds", http.StatusBadRequest)
			return
		}
		w.Header().Set("X-aws-ec2-metadata-token-ttl-seconds", strconv.Itoa(ttl))
		text(ec2Token)(w, r)
	})
	withToken := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-aws-ec2-metadata-token") != ec2Token {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			h(w, r)
		}
	}
	mux.HandleFunc("GET /latest/dynamic/instance-identity/document", withToken(jsonBody(`{
  "accountId" : "`+AWSAccountID+`",
  "architecture" : "x86_64",
  "availabilityZone" : "`+AWSAvailabilityZone+`",
  "imageId" : "`+EC2ImageID+`",
  "instanceId" : "`+EC2InstanceID+`",
  "instanceType" : "`+EC2InstanceType+`",
  "pendingTime" : "2026-11-30T08:00:00Z",
  "privateIp" : "10.0.1.23",
  "region" : "`+AWSRegion+`",
  "version" : "2017-09-30"
}`)))
	mux.HandleFunc("GET /latest/meta-data/hostname", withToken(text(EC2Hostname)))
	mux.HandleFunc("GET /latest/meta-data/instance-id", withToken(text(EC2InstanceID)))
}

// ecs serves the task metadata endpoint v4: the container's document at
// ECSPath and the task's at ECSPath/task, trimmed to the fields the
// detector reads plus a few for context. Logs go to CloudWatch (awslogs).
func ecs(mux *http.ServeMux) {
	arn := "arn:aws:ecs:" + AWSRegion + ":" + AWSAccountID
	mux.HandleFunc("GET "+ECSPath, jsonBody(`{
  "DockerId": "`+ECSTaskID+`-3822082590",
  "Name": "checkout",
  "DockerName": "checkout",
  "Image": "`+AWSAccountID+`.dkr.ecr.`+AWSRegion+`.amazonaws.com/checkout:1.4.2",
  "ContainerARN": "`+arn+`:container/`+ECSCluster+`/`+ECSTaskID+`/0a2b4c6d-8e0f-4a1b-9c3d-5e7f9a1b3c5d",
  "LogDriver": "awslogs",
  "LogOptions": {
    "awslogs-create-group": "true",
    "awslogs-group": "/ecs/checkout",
    "awslogs-region": "`+AWSRegion+`",
    "awslogs-stream": "ecs/checkout/`+ECSTaskID+`"
  },
  "Type": "NORMAL"
}`))
	mux.HandleFunc("GET "+ECSPath+"/task", jsonBody(`{
  "Cluster": "`+arn+`:cluster/`+ECSCluster+`",
  "TaskARN": "`+arn+`:task/`+ECSCluster+`/`+ECSTaskID+`",
  "Family": "`+ECSFamily+`",
  "Revision": "7",
  "DesiredStatus": "RUNNING",
  "KnownStatus": "RUNNING",
  "AvailabilityZone": "`+AWSAvailabilityZone+`",
  "LaunchType": "FARGATE"
}`))
}
