#!/usr/bin/env bash
# 演示（npm start 运行中，示例数据已载入）：一件诉求从登记到一星评价、黄牌、退回、整改通过。 bash scripts/demo-rating.sh
cd "$(dirname "${BASH_SOURCE[0]}")/.."
set -euo pipefail
A=localhost:3000/api/v1
j() { node -pe "const v=JSON.parse(require('fs').readFileSync(0));$1"; }
login() { curl -s -XPOST $A/auth/login -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"Govflow@2026\"}" | j 'v.accessToken'; }
post() { curl -s -XPOST "$A$2" -H "authorization: Bearer $1" -H 'content-type: application/json' -d "$3"; }
get() { curl -s "$A$2" -H "authorization: Bearer $1"; }
GW=$(login grid-worker); SUP=$(login supervisor)
PHONE=13500287242
CASE=$(post $GW /cases "{\"requestKey\":\"demo-$(date +%s)\",\"channel\":\"WECHAT\",\"category\":\"littering\",\"description\":\"幸福公馆1栋门口垃圾乱倒\",\"address\":\"新华路265号幸福公馆1栋\",\"reporterPhone\":\"$PHONE\"}" | j 'v.id')
echo "case $CASE"
sleep 1
post $GW /cases/$CASE/accept '{}' | j 'v.status'
post $GW /cases/$CASE/handled '{"reply":"已清运"}' | j 'v.status'
# the resident signs in with a one-time code (locally it is in their inbox row and the webhook sink)
post "" /auth/code "{\"phone\":\"$PHONE\"}" >/dev/null
sleep 1
CODE=$(grep -a -o '验证码是 [0-9]\{6\}' .data/dev/webhook-sink.jsonl | tail -1 | grep -o '[0-9]\{6\}')
RES=$(post "" /auth/code/verify "{\"phone\":\"$PHONE\",\"code\":\"$CODE\"}" | j 'v.accessToken')
post $RES /my/cases/$CASE/confirm '{"note":"已清理"}' | j 'v.status'
sleep 1
get $RES /my/cases/$CASE/rating | j 'v.state+" 至 "+v.windowEndsAt'
post $RES /my/cases/$CASE/rating '{"stars":1,"comment":"第二天又堆满了"}' | j 'v.state+" "+v.stars+"星"'
post $RES /my/cases/$CASE/rating '{"stars":5}' | j 'v.code'
sleep 2
CARD=$(get $GW "/yellow-cards?status=ISSUED" | j "v.items.find(c=>c.caseId==='$CASE').id")
get $GW /yellow-cards/$CARD | j 'v.cardNo+" "+v.status+" 截止 "+v.dueAt+" live="+JSON.stringify(v.live)'
post $GW /yellow-cards/$CARD/explanation '{"explanation":"保洁排班不足","rectificationPlan":"增设垃圾桶"}' | j 'v.status'
post $SUP /yellow-cards/$CARD/review '{"accept":false,"comment":"请写明完成时间"}' | j 'v.status+" 新截止 "+v.dueAt'
post $GW /yellow-cards/$CARD/explanation '{"explanation":"保洁排班不足","rectificationPlan":"11月27日前增设垃圾桶并每日巡查"}' | j 'v.status'
post $SUP /yellow-cards/$CARD/review '{"accept":true,"comment":"同意"}' | j 'v.status+" 按时="+v.rectifiedOnTime+" 时间线="+v.timeline.map(e=>e.kind).join(">")'
get $SUP "/points/entries?pageSize=5" | j "v.items.filter(e=>e.caseId==='$CASE').map(e=>e.holderKind+' '+e.points+' '+e.reason).join('\n')"
FROM=$(date -u -d '-1 day' +%FT%TZ); TO=$(date -u -d '+1 day' +%FT%TZ)
get $SUP "/yellow-cards/summary?from=$FROM&to=$TO&level=community" | j 'JSON.stringify(v.items.map(i=>[i.unit.name,i.issued,i.rectified,i.rectifiedOnTime]))'
