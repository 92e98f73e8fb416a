#ifndef PAINCHAT_CSTEMMER_SHIM_H
#define PAINCHAT_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
