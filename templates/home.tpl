{{%AUTOESCAPE context="HTML"}}<h1>Samspil</h1>
<p class="font-lead">{{t_home_lead}}</p>
