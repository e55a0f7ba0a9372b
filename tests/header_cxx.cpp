// Compiles the public header alone, first, as C++.
#include "custcadence.h"

int ccad_header_cxx_probe();
int ccad_header_cxx_probe()
{
    ccad_host h = CCAD_HOST_INIT;
    ccad_customer c = CCAD_CUSTOMER_INIT;
    ccad_contact e = CCAD_CONTACT_INIT;
    ccad_assessment a = CCAD_ASSESSMENT_INIT;
    ccad_param_info p = CCAD_PARAM_INFO_INIT;
    return static_cast<int>(h.size + c.size + e.size + a.size + p.size);
}
