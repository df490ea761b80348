import { readFileSync } from "node:fs";
import { writeOmi2File } from "@/bench/io";
import { ImportRowGrader } from "@/lib/datasets/grading-job/grade-rows";
import { countApproxTokens } from "@/lib/grading/filters/count-tokens";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { gradeSolution } from "@/lib/datasets/grading-job/grade-solution";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";
await writeOmi2File("/tmp/gi/rows.jsonl", 23000, 23);
const rows = readFileSync("/tmp/gi/rows.jsonl","utf8").trim().split("\n").map((l,i)=>{const r=JSON.parse(l);return {id:i,problemId:Math.floor(i/23),problem:r.problem,gold:r.expected_answer,text:r.generated_solution};});
const t=(name:string,f:()=>unknown)=>{const s=performance.now();f();console.log(name,((performance.now()-s)*1000/rows.length).toFixed(1),"us/row");};
for (let k=0;k<3;k++){
t("tokens",()=>rows.forEach(r=>countApproxTokens(r.text)));
t("arith",()=>rows.forEach(r=>incorrectArithmeticReason({problem:r.problem,solution:r.text})));
t("trim",()=>rows.forEach(r=>trimAfterBoxed(r.text)));
t("grade nocache",()=>rows.forEach(r=>gradeSolution(r.gold,r.text,{generated:true})));
t("grader",()=>new ImportRowGrader(true).grade(rows));
}
console.log("avg len", rows.reduce((a,r)=>a+r.text.length,0)/rows.length);
