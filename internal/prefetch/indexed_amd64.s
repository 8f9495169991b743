#include "textflag.h"

// func Indexed(base unsafe.Pointer, shift uint, idx []int32)
TEXT ·Indexed(SB), NOSPLIT, $0-40
	MOVQ base+0(FP), AX
	MOVQ shift+8(FP), CX
	MOVQ idx_base+16(FP), SI
	MOVQ idx_len+24(FP), DX
	TESTQ DX, DX
	JEQ done
loop:
	MOVLQSX (SI), BX
	SHLQ CX, BX
	PREFETCHT0 (AX)(BX*1)
	ADDQ $4, SI
	DECQ DX
	JNE loop
done:
	RET
