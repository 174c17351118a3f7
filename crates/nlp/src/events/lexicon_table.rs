//! The trigger lexicon as text: one trigger a line, `CODE KIND pattern`.
//!
//! - `CODE` is the CAMEO code the trigger signals (see [`super::cameo`]).
//! - `KIND` is `v` for a verb or verbal phrase (it can make an event of its
//!   own), `n` for a noun or nominal phrase (a hint: it types the sentence's
//!   main event but makes none alone) and `r` for a reporting verb (a
//!   statement only when nothing else happens in the sentence).
//! - then one or more patterns separated by ` ; `. A pattern is a sequence of
//!   positions matched in order on lower-cased tokens, with at most
//!   [`super::lexicon::MAX_GAP`] tokens between two of them. A position lists
//!   alternatives separated by `|`; an alternative of several adjacent words
//!   joins them with `_`; a trailing `~` stands for a word's regular
//!   inflections (`accuse~` matches accuse, accuses, accused, accusing);
//!   irregular forms are listed as alternatives.
//!
//! Written for Tidings from the CAMEO code labels and ordinary English usage.

pub const TRIGGERS: &str = r#"
010 r say~|said|says ; tell~|told ; state~|announce~|declare~|remark~|comment~|note~|explain~|add~|stress~|insist~|claim~|argue~|reiterate~|affirm~|assert~|suggest~|write~|wrote|written|post~|tweet~|quote~|report~
010 n statement|announcement|remarks|interview|speech|press_conference|communique
011 v decline~|refuse~ to comment ; no_comment
012 v warn~ ; fear~|concern~|worry~|worried|pessimistic|concerns|alarm~
013 v hope~|hopeful|optimistic|confident
014 v consider~|mull~|weigh~|contemplate~
015 v claim~|claimed responsibility ; admit~|acknowledge~|confess~
016 v deny~|denied|denies
017 v commemorate~ ; lay~|laid wreath~
018 v condolence~|sympathy|sympathies|mourn~ ; express~ sorrow|grief
020 v appeal~|urge~|plead~|implore~|request~|seek~|sought|encourage~|lobby~ ; call~ on|upon|for ; ask~ for ; push~|pushed|pushing for
020 n appeal|plea|request
021 v seek~|sought|urge~|appeal~ cooperation|investment|partnership
023 v appeal~|seek~|sought|ask~ aid|assistance|help|funds|donations
030 v pledge~|promise~|vow~|commit~|offer~ to ; intend~|willing|ready to cooperate|work|help
030 v agree~|agreed|agrees ; express~ willingness|readiness ; reach~|reached agreement|consensus|deal|accord ; accept~ proposal|plan|offer|formula
031 v agree~ to cooperate|work_together|partner
032 v pledge~|promise~|vow~|offer~ support|backing
033 v pledge~|promise~|offer~|vow~ aid|assistance|funding|million|billion|help
0356 v agree~|offer~ to pause|halt|stop|end hostilities|fighting|attacks|strikes|war
036 v agree~|offer~|propose~|ready|willing to meet|talk|negotiate|visit|hold_talks
036 v invite~ ; invitation
037 v agree~|offer~ to settle|resolve
039 v offer~ to mediate
040 v consult~|discuss~|confer~ ; talk~ with ; hold~|held|holding talks|discussions|consultations|meeting|meetings
040 n talks|discussions|consultations|summit|meeting|dialogue|meetings
041 v phone~|telephone~ ; spoke|spoken|speak~ by phone|telephone ; phone_call|telephone_call
042 v visit~ ; arrive~|travel~ in|to
042 n visit|trip
043 v host~|hosted|receive~|received|greet~
044 v meet~|met ; gather~ in
045 v mediate~|broker~
045 n mediation
046 v negotiate~ ; negotiations
050 v restore~|normalise~|normalize~|establish~ relations|ties
051 v thank~|praise~|commend~|hail~|applaud~|endorse~|congratulate~|laud~|welcome~
051 n thanks|praise|gratitude
052 v defend~ ; stand~|stood by
053 v back~|backed|support~|supported ; rally~ support|behind ; stand~|stood with
054 v recognise~|recognize~ ; recognition
055 v apologise~|apologize~|apology
056 v forgive~|forgave|pardon~
057 v sign~|signed|signing|ratify~|conclude~|ink~ agreement|deal|treaty|accord|pact|memorandum|contract|deals ; sign~|signed|signing|ratify~
057 n agreement|treaty|accord|pact|memorandum|deal
060 v cooperate~|collaborate~ ; join~ forces
060 n cooperation|partnership|collaboration
061 v trade~|invest~|investment ; economic_cooperation
062 v joint exercise|exercises|drills|patrols ; train~|trained soldiers|troops|forces|officers
063 v extradite~|extradition ; approve~ extradition
064 v share~ intelligence|information|data
070 v provide~|give~|gave|given|deliver~|send~|sent|donate~|supply|supplied|supplies|offer~ aid|assistance|help|support ; donate~
071 v provide~|give~|gave|grant~|lend~|lent|disburse~ loan|loans|funds|financing|money|million|billion|grant
072 v provide~|give~|gave|send~|sent|deliver~|supply|supplied weapons|arms|missiles|equipment|firearms|military_aid|training|ammunition
073 v provide~|send~|sent|deliver~|distribute~ humanitarian|food|relief|medical|medicine|shelter|supplies
074 v protect~|escort~ ; peacekeeping
075 v grant~|granted|give~ asylum|refuge
080 v yield~|concede~ ; back~ down ; cave~ in ; give~|gave in
081 v lift~|ease~|relax~|remove~ restrictions|ban|curfew|restriction|travel_ban
083 v accede~ to
0831 v resign~ ; step~|stepped down
083 v accept~|accepted demands ; bow~ to pressure
0841 v release~|free~|freed|freeing ; set~ free
0841 n release
0842 v return~|hand~|handed back|over
085 v lift~|ease~|relax~|remove~|scrap~ sanctions|embargo|tariffs
086 v allow~|permit~|let access|inspectors|monitors|observers|aid
0871 v pause~|halt~|stop~|suspend~ hostilities|fighting|strikes|attacks ; declare~ ceasefire|truce
0871 n ceasefire|cease_-_fire|truce|armistice
0872 v lift~|end~ blockade|siege
0873 v demobilise~|demobilize~|disarm~
0874 v withdraw~|withdrew|withdrawn|retreat~|surrender~ ; pull~ out|back
0874 n withdrawal|pullout
090 v investigate~|probe~|examine~ ; launch~|open~|opened inquiry|investigation|probe
090 n inquiry|investigation|probe
100 v demand~|pressure~|require~ ; press~|pressed|pressing|pressure~ to|for ; insist~ that ; call~ for
100 v must ; deadline
100 n demand|demands|ultimatum
1041 v demand~|call~ resignation|resign|step_down|ouster
1053 v demand~|call~ release
1054 v demand~|urge~|call~ lift~|easing|lifting sanctions
1056 v demand~|urge~|call~ ceasefire|withdrawal|truce
110 v criticise~|criticize~|condemn~|denounce~|deplore~|slam~|blast~|lambast~|chide~|rebuke~|decry~|disapprove~|oppose~|opposed|opposing ; object~ to
110 n criticism|condemnation|opposition
112 v accuse~|blame~|allege~|implicate~ ; charge~ that
112 n accusation|accusations|allegation|allegations
1121 v accuse~|charge~ of corruption|fraud|bribery|embezzlement
1122 v accuse~ of abuses|human_rights|rights_violations
1123 v accuse~ of aggression|attacking|invading
113 v rally~ opposition|against
114 v complain~ ; summon~|summoned ambassador|envoy ; lodge~ complaint|protest
114 n complaint
115 v sue~|sued ; file~|filed lawsuit|suit ; take~|took to_court
115 n lawsuit
116 v convict~ ; sentence~ to ; find~|found guilty|liable
116 n conviction|verdict
120 v reject~|dismiss~|rebuff~|spurn~|resist~ ; refuse~ to ; turn~|turned down ; push~|pushed back
120 n rejection|refusal
121 v reject~|refuse~ cooperation|deal|trade
122 v reject~|refuse~ aid|assistance
125 v reject~|refuse~ talks|negotiations|meeting|dialogue|proposal_to_meet
127 v reject~ plan|proposal|deal|agreement|resolution|peace
1244 v no|not|against easing|lifting|ease|lift sanctions ; keep~|kept|maintain~|extend~|renew~ sanctions
1243 v refuse~ to release|free
128 v defy~|defied|flout~ ; violate~ law|norms|ruling|order
129 v veto~|vetoed|vetoes ; block~ resolution
130 v threaten~ ; threat|threats
1312 v threaten~ sanctions|embargo|boycott|tariffs
1313 v threaten~ to cut|sever|break ties|relations
138 v threaten~ attack|strike|war|force|military|invade|retaliate|retaliation|invasion
138 v deter~ ; deterrence|deterrent
139 v ultimatum
140 v protest~ ; dissent
141 v demonstrate~|rally~|march~|marched
141 n protest|protests|rally|rallies|march|demonstration|demonstrations|protesters|protestors|demonstrators
143 v boycott~ ; go~|went on strike ; walkout
143 n strike|boycott|general_strike
144 v obstruct~|barricade~ ; block~ road|roads|traffic|access|entrance
145 v riot~|rioting|torch~|burn~|burned|burnt|set_fire ; clash~ with police
145 n riot|riots|rioters
150 v show~ of force ; military parade
152 v alert|high_alert|readiness
153 v deploy~ police|riot_police ; mobilise~|mobilize~ police
154 v deploy~|mobilise~|mobilize~|send~|sent|dispatch~|station~|mass~|amass~ troops|soldiers|forces|warships|tanks|army|reinforcements|force|peacekeepers ; deploy~|mobilise~|mobilize~
154 n deployment|mobilisation|mobilization|build_-_up|buildup|troops
160 v downgrade~|reduce~ ties|relations
161 v sever~|cut~|break~|broke|suspend~ diplomatic|relations|ties|links|flights ; recall~ ambassador|envoy ; cancel~|postpone~ visit|trip
162 v cut~|suspend~|halt~|freeze~|froze|withhold~|reduce~|prohibit~ aid|funding|assistance|supplies|military_aid
163 v sanction~ ; impose~|imposed|slap~|slapped sanctions|embargo|tariffs|boycott
163 n sanctions|embargo
164 v suspend~|halt~|call~ off talks|negotiations ; break~|broke off talks|negotiations ; walk~ out
166 v expel~ diplomats|envoy|ambassador|staff ; expulsion
171 v seize~|confiscate~|raid~|raided|destroy~|demolish~|loot~ ; blow~|blew up
172 v ban~|banned|restrict~|censor~|outlaw~ ; shut~|close~ down
1723 v curfew
191 v blockade~ ; impose~|reimpose~|tighten~ blockade|blockades|siege
1724 v state_of_emergency|martial_law
173 v arrest~|detain~|indict~|jail~|imprison~|prosecute~|apprehend~|nab~ ; charge~ with ; round~ up ; in custody
173 n arrest|arrests|detention|indictment|charges
174 v deport~ ; deportation ; expel~
175 v crack~ down ; crackdown|tear_gas ; disperse~|suppress~|repress~
181 v kidnap~|abduct~|hijack~ ; take~|took|taken hostage
182 v beat~|beaten|torture~|stab~|lynch~ ; assault~
1821 v rape~ ; sexual_assault
183 v bomb~|bombing|detonate~ ; explosion|blast|exploded|car_bomb|bomber
1831 v suicide_bomber|suicide_bombing|suicide_attack
185 v attempt~ to kill|assassinate ; assassination_attempt ; plot~ to kill
186 v assassinate~ ; assassination
190 v fight~|fought|clash~|battle~|invade~|ambush~|attack~|attacked|raid~ ; launch~|launched|carry|carried offensive|assault|attack|attacks|raid|operation|strikes
190 n fighting|war|offensive|assault|assaults|attack|attacks|invasion|hostilities|aggression
190 v kill~|killed|killing|wound~|injure~ ; shoot~|shot|fire~|fired at|on
190 n killings|casualties|dead|wounded|injured
193 v gunfire ; open~|opened fire ; gunmen
194 v shell~|shelled|shelling ; artillery|mortar~|rocket~|missile~
195 v airstrike~|air_strike~|air_raid~|bombard~|bombed|drone_strike~ ; warplane~|jets
196 v violate~|breach~|broke|break~ ceasefire|truce
200 v massacre~ ; genocide ; mass_killing~
204 v chemical_weapon~|chemical_attack|nuclear_weapon~|sarin|chlorine
"#;
