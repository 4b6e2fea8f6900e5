/* A plugin-shaped shared object with one internal helper left non-static:
 * linked plainly it exports sk_leaky_helper (check_exports.py must say so),
 * linked with plugin_api/plugin_exports.map it must not. */
#include <stdint.h>

const char *sk_leaky_helper(void);

const char *sk_leaky_helper(void)
{
	return "leak";
}

const char *plugin_get_required_api_version(void)
{
	return "3.0.0";
}

const char *plugin_get_name(void)
{
	return sk_leaky_helper();
}
