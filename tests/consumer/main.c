/* Links against the installed library and checks header/library versions agree. */
#include <custcadence.h>
#include <stdio.h>

int main(void)
{
    ccad_ctx *ctx = NULL;
    ccad_rules *rules = NULL;
    int rc;
    if (ccad_version_number() != CCAD_VERSION_NUMBER) {
        fprintf(stderr, "header %d, library %d\n", CCAD_VERSION_NUMBER, ccad_version_number());
        return 1;
    }
    rc = ccad_ctx_new(&ctx, NULL);
    if (rc == CCAD_OK)
        rc = ccad_rules_new(&rules, ctx);
    printf("consumer: libcustcadence %s, %s\n", ccad_version_string(), ccad_strerror(rc));
    ccad_rules_free(rules);
    ccad_ctx_free(ctx);
    return rc == CCAD_OK ? 0 : 1;
}
