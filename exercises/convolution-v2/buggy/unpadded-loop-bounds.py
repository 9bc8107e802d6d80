import numpy as np


def convolutionV2(img, kernel, padding=(0, 0), stride=(1, 1)):
    H, W = img.shape
    kh, kw = kernel.shape
    ph, pw = padding
    sh, sw = stride
    padded = np.pad(img, ((ph, ph), (pw, pw)))
    out = np.zeros(((H + 2 * ph - kh) // sh + 1, (W + 2 * pw - kw) // sw + 1))
    for i in range(0, H - kh + 1, sh):
        for j in range(0, W - kw + 1, sw):
            out[i // sh, j // sw] = np.sum(padded[i:i + kh, j:j + kw] * kernel)
    return out
