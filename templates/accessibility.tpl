{{%AUTOESCAPE context="HTML"}}<h1>{{t_a11y_heading}}</h1>
<p class="font-lead">{{t_a11y_intro}}</p>
<h2>{{t_a11y_status_heading}}</h2>
<p>{{t_a11y_status_text}}</p>
<h2>{{t_a11y_gaps_heading}}</h2>
<p>{{t_a11y_gaps_intro}}</p>
<ul>
<li>{{t_a11y_gap_pdf}}</li>
<li>{{t_a11y_gap_live}}</li>
<li>{{t_a11y_gap_sso}}</li>
<li>{{t_a11y_gap_language}}</li>
</ul>
<h2>{{t_a11y_how_heading}}</h2>
<p>{{t_a11y_how_text}}</p>
<h2 id="kontakt">{{t_a11y_feedback_heading}}</h2>
<p>{{t_a11y_feedback_text}}</p>
<h2>{{t_a11y_enforcement_heading}}</h2>
<p>{{t_a11y_enforcement_text}}</p>
<p><a href="https://www.was.digst.dk/">{{t_a11y_enforcement_link}}</a></p>
