{{%AUTOESCAPE context="HTML"}}<h1>{{t_cases_unavailable}}</h1>
<p>{{t_cases_unavailable_text}}</p>
