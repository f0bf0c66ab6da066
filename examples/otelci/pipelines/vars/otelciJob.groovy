// [START step]
// otelciJob runs one job of pipelines/jobs.sh in a span named after the
// stage it is called in (Jenkins sets STAGE_NAME there). Every stage of
// every Jenkinsfile that loads the library gets the same tracing.
def call(String job) {
    dir('examples/otelci') {
        withEnv(["PATH+OTELCI=${env.WORKSPACE}/bin"]) {
            sh "otelci run -level job -- sh pipelines/jobs.sh ${job}"
        }
    }
}
// [END step]
