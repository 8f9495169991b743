#include "textflag.h"

// func Indexed(base unsafe.Pointer, size uintptr, idx []int32)
TEXT ·Indexed(SB), NOSPLIT, $0-40
	MOVQ base+0(FP), AX
	MOVQ size+8(FP), CX
	MOVQ idx_base+16(FP), SI
	MOVQ idx_len+24(FP), DX
	TESTQ DX, DX
	JEQ done
loop:
	MOVLQSX (SI), BX
	IMULQ CX, BX
	PREFETCHT0 (AX)(BX*1)
	ADDQ $4, SI
	DECQ DX
	JNE loop
done:
	RET

// func Line(p unsafe.Pointer)
TEXT ·Line(SB), NOSPLIT, $0-8
	MOVQ p+0(FP), AX
	PREFETCHT0 (AX)
	RET
